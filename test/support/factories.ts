import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasePriority, CaseStatus, ImpactLevel } from '../../src/modules/cases/case.enums';
import { RecoveryCaseEntity } from '../../src/modules/cases/recovery-case.entity';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from '../../src/modules/crises/crisis.enums';
import { CrisisEntity } from '../../src/modules/crises/crisis.entity';
import { ContactEntity } from '../../src/modules/stakeholders/contact.entity';
import { ContactChannel, StakeholderKind, StakeholderTier } from '../../src/modules/stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../../src/modules/stakeholders/stakeholder.entity';

/**
 * Realistic records written straight to the suite's database, for tests whose subject is
 * something else (a case test needs a crisis and a stakeholder, not the crisis API).
 */
const COMPANY_WORDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware'];
const SUFFIXES = ['Foods', 'Logistics', 'Retail', 'Health', 'Energy', 'Systems', 'Travel', 'Outfitters'];

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export function uniqueSuffix(): string {
  return `${next()}-${randomBytes(3).toString('hex')}`;
}

export async function makeCrisis(ds: DataSource, overrides: Partial<CrisisEntity> = {}): Promise<CrisisEntity> {
  const n = next();
  return ds.getRepository(CrisisEntity).save(
    ds.getRepository(CrisisEntity).create({
      title: `Firmware fault in model X${n} thermostats`,
      description: 'Units overheat after the 4.2 update; customers report damage and outages.',
      category: CrisisCategory.PRODUCT_QUALITY,
      severity: CrisisSeverity.SEVERE,
      phase: CrisisPhase.RESPONSE,
      startedAt: new Date('2026-11-02T06:00:00Z'),
      detectedAt: new Date('2026-11-02T09:30:00Z'),
      firstStatementAt: null,
      leadId: null,
      spokespersonId: null,
      ...overrides,
    }),
  );
}

export async function makeStakeholder(
  ds: DataSource,
  overrides: Partial<StakeholderEntity> = {},
): Promise<StakeholderEntity> {
  const n = next();
  const kind = overrides.kind ?? StakeholderKind.CUSTOMER;
  const partner = kind === StakeholderKind.PARTNER;
  return ds.getRepository(StakeholderEntity).save(
    ds.getRepository(StakeholderEntity).create({
      kind,
      name: `${COMPANY_WORDS[n % COMPANY_WORDS.length]} ${SUFFIXES[(n * 7) % SUFFIXES.length]} ${n}`,
      segment: partner ? 'Distribution' : 'SMB',
      tier: partner ? StakeholderTier.KEY : StakeholderTier.STANDARD,
      region: ['EMEA', 'AMER', 'APAC'][n % 3],
      timeZone: ['Europe/Berlin', 'America/Chicago', 'Asia/Singapore'][n % 3],
      ownerId: null,
      externalRef: `CRM-${uniqueSuffix()}`,
      doNotContact: false,
      baselineMonthlyRevenueMinor: partner ? '4500000000' : '1250000',
      baselineCurrency: 'EUR',
      contractReference: partner ? `PA-2024-${n}` : null,
      contractStartDate: partner ? '2024-01-01' : null,
      contractEndDate: partner ? '2027-12-31' : null,
      ...overrides,
    }),
  );
}

export async function makeContact(
  ds: DataSource,
  stakeholderId: string,
  overrides: Partial<ContactEntity> = {},
): Promise<ContactEntity> {
  const n = next();
  return ds.getRepository(ContactEntity).save(
    ds.getRepository(ContactEntity).create({
      stakeholderId,
      name: `Contact Person ${n}`,
      title: 'Head of Operations',
      email: `contact${n}@example.com`,
      phone: '+49 30 1234567',
      preferredChannel: ContactChannel.EMAIL,
      isExecutive: false,
      ...overrides,
    }),
  );
}

export async function makeCase(
  ds: DataSource,
  refs: { crisisId: string; stakeholderId: string; ownerId: string },
  overrides: Partial<RecoveryCaseEntity> = {},
): Promise<RecoveryCaseEntity> {
  return ds.getRepository(RecoveryCaseEntity).save(
    ds.getRepository(RecoveryCaseEntity).create({
      ...refs,
      impact: ImpactLevel.HIGH,
      estimatedLossMinor: '350000',
      lossCurrency: 'EUR',
      description: 'Thermostat failed overnight; a cold-storage room lost its stock.',
      status: CaseStatus.IDENTIFIED,
      priority: CasePriority.NORMAL,
      statusChangedAt: new Date(),
      openedById: refs.ownerId,
      ...overrides,
    }),
  );
}
