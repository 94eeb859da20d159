import { ContactChannel, StakeholderKind, StakeholderTier } from '../modules/stakeholders/stakeholder.enums';
import { marketByKey } from './demo-markets';
import { DemoRandom } from './demo-random';
import { Contract, DemoDirectory, employeeOf, PartnerSegment, stakeholderOf } from './demo-stakeholder-rows';
import { DemoStaff } from './demo-users';

interface DemoPartner {
  name: string;
  segment: PartnerSegment;
  /** A key of MARKETS. */
  market: string;
  tier: StakeholderTier;
}

/** The partners that sell, install and stock the Aurora thermostat. Hand-picked so each reads like a real account. */
const DEMO_PARTNERS: readonly DemoPartner[] = [
  { name: 'Voltera Distribution GmbH', segment: 'Distributor', market: 'de', tier: StakeholderTier.STRATEGIC },
  { name: 'Brightwave Electrical Wholesale Ltd', segment: 'Distributor', market: 'uk', tier: StakeholderTier.STRATEGIC },
  { name: 'ClimaNord Distributie B.V.', segment: 'Distributor', market: 'nl', tier: StakeholderTier.KEY },
  { name: 'Domotique Diffusion SAS', segment: 'Distributor', market: 'fr', tier: StakeholderTier.KEY },
  { name: 'Iberclima Distribución S.L.', segment: 'Distributor', market: 'es', tier: StakeholderTier.KEY },
  { name: 'TermoItalia Distribuzione S.r.l.', segment: 'Distributor', market: 'it', tier: StakeholderTier.KEY },
  { name: 'Great Lakes Controls Supply Inc.', segment: 'Distributor', market: 'us-central', tier: StakeholderTier.STRATEGIC },
  { name: 'Pacific Home Systems Distribution LLC', segment: 'Distributor', market: 'us-west', tier: StakeholderTier.KEY },
  { name: 'Haustechnik Brandl GmbH', segment: 'Installer', market: 'at', tier: StakeholderTier.STANDARD },
  { name: 'Kessler Heizung & Sanitär GmbH', segment: 'Installer', market: 'de', tier: StakeholderTier.KEY },
  { name: 'Greenfield Heating Engineers Ltd', segment: 'Installer', market: 'uk', tier: StakeholderTier.KEY },
  { name: 'Thames Valley Smart Homes Ltd', segment: 'Installer', market: 'uk', tier: StakeholderTier.STANDARD },
  { name: 'Installatiebedrijf Van Dijk B.V.', segment: 'Installer', market: 'nl', tier: StakeholderTier.STANDARD },
  { name: 'Chauffage Lefèvre et Fils SARL', segment: 'Installer', market: 'fr', tier: StakeholderTier.STANDARD },
  { name: 'Instalaciones Ortega S.L.', segment: 'Installer', market: 'es', tier: StakeholderTier.STANDARD },
  { name: 'Summit Comfort HVAC LLC', segment: 'Installer', market: 'us-mountain', tier: StakeholderTier.KEY },
  { name: 'Empire State Climate Pros Inc.', segment: 'Installer', market: 'us-east', tier: StakeholderTier.STANDARD },
  { name: 'HomeSphere Retail NV', segment: 'Retailer', market: 'be', tier: StakeholderTier.STRATEGIC },
  { name: 'Elektro Markt Süd GmbH', segment: 'Retailer', market: 'de', tier: StakeholderTier.KEY },
  { name: 'Maison Connectée SAS', segment: 'Retailer', market: 'fr', tier: StakeholderTier.KEY },
  { name: 'Casa Intelligente S.r.l.', segment: 'Retailer', market: 'it', tier: StakeholderTier.KEY },
  { name: 'Harrow & Pike Department Stores Ltd', segment: 'Retailer', market: 'uk', tier: StakeholderTier.KEY },
  { name: 'BrightNest Home Stores Inc.', segment: 'Retailer', market: 'us-east', tier: StakeholderTier.STRATEGIC },
  { name: 'Golden Coast Home Improvement LLC', segment: 'Retailer', market: 'us-west', tier: StakeholderTier.KEY },
];

const EXECUTIVE_TITLES: Record<PartnerSegment, readonly string[]> = {
  Distributor: ['Managing Director', 'Chief Executive Officer', 'VP Sales'],
  Installer: ['Owner', 'Managing Director'],
  Retailer: ['Chief Commercial Officer', 'Director of Merchandising'],
};
const STAFF_TITLES = [
  'Head of Purchasing',
  'Category Manager, Smart Home',
  'Service Operations Manager',
  'Key Account Manager',
  'Technical Support Lead',
  'Returns & Warranty Coordinator',
];

/**
 * The partners with their contracts, owned in turn by the partner managers, each with an
 * executive and one to three people on the working level.
 */
export function buildPartners(random: DemoRandom, staff: DemoStaff, importedAt: Date, today: Date): DemoDirectory {
  const directory: DemoDirectory = { stakeholders: [], contacts: [] };
  DEMO_PARTNERS.forEach((partner, index) => {
    const stakeholder = stakeholderOf({
      kind: StakeholderKind.PARTNER,
      name: partner.name,
      segment: partner.segment,
      tier: partner.tier,
      market: marketByKey(partner.market),
      ownerId: staff.partnerManagers[index % staff.partnerManagers.length],
      doNotContact: false,
      baselineMinor: partnerBaseline(random, partner.segment),
      externalRef: `CRM-P-${String(40 + index * 3).padStart(6, '0')}`,
      contract: partnerContract(random, index, today),
      importedAt,
    });
    directory.stakeholders.push(stakeholder);
    const executiveChannel = random.weighted([[ContactChannel.IN_PERSON, 3], [ContactChannel.VIDEO, 3], [ContactChannel.PHONE, 2]]);
    directory.contacts.push(employeeOf(random, stakeholder, random.pick(EXECUTIVE_TITLES[partner.segment]), true, executiveChannel));
    const titles = shuffled(random, STAFF_TITLES).slice(0, random.int(1, 3));
    for (const title of titles) {
      const channel = random.weighted([[ContactChannel.EMAIL, 5], [ContactChannel.PHONE, 3], [ContactChannel.VIDEO, 2]]);
      directory.contacts.push(employeeOf(random, stakeholder, title, false, channel));
    }
  });
  return directory;
}

/** Monthly revenue through the partner before the crisis, in minor units. */
function partnerBaseline(random: DemoRandom, segment: PartnerSegment): number {
  switch (segment) {
    case 'Distributor':
      return random.int(150, 900) * 1_000_000;
    case 'Installer':
      return random.int(50, 400) * 100_000;
    case 'Retailer':
      return random.int(50, 400) * 1_000_000;
  }
}

/** Started 3–40 months ago on the first of a month, running 2–5 years; some end within weeks. */
function partnerContract(random: DemoRandom, index: number, today: Date): Contract {
  const monthsAgo = random.int(3, 40);
  const termMonths = random.pick([24, 36, 48, 60].filter((months) => months > monthsAgo + 1));
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + termMonths, 0));
  return {
    reference: `PA-${start.getUTCFullYear()}-${String(1000 + index * 17).padStart(4, '0')}`,
    startDate: start.toISOString().slice(0, 10),
    endDate: end.toISOString().slice(0, 10),
  };
}

function shuffled<T>(random: DemoRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
