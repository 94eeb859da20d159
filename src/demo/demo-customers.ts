import { ContactChannel, StakeholderKind, StakeholderTier } from '../modules/stakeholders/stakeholder.enums';
import { Market, MARKETS } from './demo-markets';
import { asciiSlug, WORDS } from './demo-names';
import { DemoRandom } from './demo-random';
import { contactOf, CustomerSegment, DemoDirectory, employeeOf, stakeholderOf } from './demo-stakeholder-rows';
import { DemoStaff } from './demo-users';

export const CUSTOMER_COUNT = 300;

const CONSUMER_PLANS_MINOR = [399, 499, 799, 999, 1499];
const CONSUMER_MAIL_DOMAINS = ['mail.example', 'post.example', 'inbox.example'];
const CONTACT_TITLES: Record<Exclude<CustomerSegment, 'Consumer'>, readonly string[]> = {
  SMB: ['Owner', 'Office Manager', 'Practice Manager'],
  'Mid-market': ['Facilities Manager', 'Operations Manager', 'Procurement Lead'],
  Enterprise: ['Head of Facilities', 'Director of Operations', 'Category Manager, Building Technology'],
};

/**
 * Affected customers: individual consumers (their own contact person) and organisations (one
 * contact each), spread over the markets and over the agents.
 */
export function buildCustomers(random: DemoRandom, staff: DemoStaff, importedAt: Date): DemoDirectory {
  const directory: DemoDirectory = { stakeholders: [], contacts: [] };
  const usedNames = new Set<string>();
  let reference = 100;
  for (let i = 0; i < CUSTOMER_COUNT; i += 1) {
    reference += random.int(1, 40);
    const market = random.weighted(MARKETS.map((m) => [m, m.weight] as const));
    const segment = random.weighted<CustomerSegment>([['Consumer', 55], ['SMB', 25], ['Mid-market', 13], ['Enterprise', 7]]);
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || usedNames.has(name)); attempt += 1) {
      name = customerName(random, market, segment);
    }
    usedNames.add(name);
    const customer = stakeholderOf({
      kind: StakeholderKind.CUSTOMER,
      name,
      segment,
      tier: customerTier(random, segment),
      market,
      ownerId: random.pick(staff.agents),
      doNotContact: random.chance(segment === 'Consumer' ? 0.04 : segment === 'SMB' ? 0.02 : 0),
      baselineMinor: customerBaseline(random, segment),
      externalRef: `CRM-C-${String(reference).padStart(6, '0')}`,
      contract: null,
      importedAt,
    });
    directory.stakeholders.push(customer);
    if (segment === 'Consumer') {
      const suffix = random.chance(0.5) ? String(random.int(1, 99)) : '';
      const channel = random.weighted([[ContactChannel.EMAIL, 40], [ContactChannel.PHONE, 25], [ContactChannel.SMS, 15], [ContactChannel.CHAT, 10], [ContactChannel.SOCIAL, 10]]);
      const email = `${asciiSlug(name, '.')}${suffix}@${random.pick(CONSUMER_MAIL_DOMAINS)}`;
      directory.contacts.push(contactOf(random, customer, { name, title: null, email, channel, executive: false }));
    } else {
      const title = random.pick(CONTACT_TITLES[segment]);
      const channel = random.weighted([[ContactChannel.EMAIL, 5], [ContactChannel.PHONE, 4], [ContactChannel.VIDEO, 1]]);
      directory.contacts.push(employeeOf(random, customer, title, title === 'Owner', channel));
    }
  }
  return directory;
}

function customerName(random: DemoRandom, market: Market, segment: CustomerSegment): string {
  const words = WORDS[market.language];
  const legalForm = random.pick(market.legalForms);
  if (segment === 'Consumer') return `${random.pick(words.firstNames)} ${random.pick(words.lastNames)}`;
  if (segment === 'SMB') {
    const lastName = random.pick(words.lastNames);
    const business = random.pick(words.smallBusinesses);
    const base = words.smallBusinessNameFirst ? `${lastName} ${business}` : `${business} ${lastName}`;
    return random.chance(0.5) ? `${base} ${legalForm}` : base;
  }
  const place = random.pick(words.places);
  const organisation = random.pick(words.organisations);
  return `${words.placeFirst ? `${place} ${organisation}` : `${organisation} ${place}`} ${legalForm}`;
}

function customerTier(random: DemoRandom, segment: CustomerSegment): StakeholderTier {
  switch (segment) {
    case 'Consumer':
      return StakeholderTier.STANDARD;
    case 'SMB':
      return random.chance(0.1) ? StakeholderTier.KEY : StakeholderTier.STANDARD;
    case 'Mid-market':
      return random.chance(0.4) ? StakeholderTier.KEY : StakeholderTier.STANDARD;
    case 'Enterprise':
      return random.chance(0.5) ? StakeholderTier.STRATEGIC : StakeholderTier.KEY;
  }
}

/** Monthly revenue before the crisis, in minor units: a consumer's plan, an organisation's contract. */
function customerBaseline(random: DemoRandom, segment: CustomerSegment): number {
  switch (segment) {
    case 'Consumer':
      return random.pick(CONSUMER_PLANS_MINOR);
    case 'SMB':
      return random.int(150, 2500) * 100;
    case 'Mid-market':
      return random.int(250, 2000) * 1000;
    case 'Enterprise':
      return random.int(200, 1500) * 10_000;
  }
}
