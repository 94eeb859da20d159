import { randomUUID } from 'node:crypto';
import { ContactChannel, StakeholderKind, StakeholderTier } from '../modules/stakeholders/stakeholder.enums';
import { Market } from './demo-markets';
import { asciiSlug, WORDS } from './demo-names';
import { DemoRandom } from './demo-random';
import { Row } from './insert-rows';

export type CustomerSegment = 'Consumer' | 'SMB' | 'Mid-market' | 'Enterprise';
export type PartnerSegment = 'Distributor' | 'Installer' | 'Retailer';

/** A stakeholder row plus what the case builder needs to know about it. */
export interface DemoStakeholder {
  id: string;
  kind: StakeholderKind;
  segment: CustomerSegment | PartnerSegment;
  tier: StakeholderTier;
  market: Market;
  ownerId: string;
  doNotContact: boolean;
  row: Row;
}

export interface DemoDirectory {
  stakeholders: DemoStakeholder[];
  contacts: Row[];
}

export interface Contract {
  reference: string;
  startDate: string;
  endDate: string;
}

export const STAKEHOLDER_COLUMNS = {
  id: 'uuid',
  kind: 'stakeholder_kind',
  name: 'text',
  segment: 'text',
  tier: 'stakeholder_tier',
  region: 'text',
  time_zone: 'text',
  owner_id: 'uuid',
  external_ref: 'text',
  do_not_contact: 'boolean',
  baseline_monthly_revenue_minor: 'bigint',
  baseline_currency: 'text',
  contract_reference: 'text',
  contract_start_date: 'date',
  contract_end_date: 'date',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const CONTACT_COLUMNS = {
  id: 'uuid',
  stakeholder_id: 'uuid',
  name: 'text',
  title: 'text',
  email: 'text',
  phone: 'text',
  preferred_channel: 'contact_channel',
  is_executive: 'boolean',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

const LEGAL_FORM = /\s+(GmbH & Co\. KG|GmbH|Ltd|B\.V\.|BV|NV|SAS|SARL|S\.L\.|S\.r\.l\.|LLC|Inc\.)$/;

/** Organisation mail domains live under the reserved `.example` TLD, so nothing can ever be sent to them. */
export function mailDomainOf(organisation: string): string {
  return `${asciiSlug(organisation.replace(LEGAL_FORM, ''))}.example`;
}

export function stakeholderOf(input: {
  kind: StakeholderKind;
  name: string;
  segment: CustomerSegment | PartnerSegment;
  tier: StakeholderTier;
  market: Market;
  ownerId: string;
  doNotContact: boolean;
  baselineMinor: number;
  externalRef: string;
  contract: Contract | null;
  importedAt: Date;
}): DemoStakeholder {
  const id = randomUUID();
  const { kind, segment, tier, market, ownerId, doNotContact, contract } = input;
  return {
    id,
    kind,
    segment,
    tier,
    market,
    ownerId,
    doNotContact,
    row: {
      id,
      kind,
      name: input.name,
      segment,
      tier,
      region: market.region,
      time_zone: market.timeZone,
      owner_id: ownerId,
      external_ref: input.externalRef,
      do_not_contact: doNotContact,
      baseline_monthly_revenue_minor: String(input.baselineMinor),
      baseline_currency: market.currency,
      contract_reference: contract?.reference ?? null,
      contract_start_date: contract?.startDate ?? null,
      contract_end_date: contract?.endDate ?? null,
      created_at: input.importedAt,
      updated_at: input.importedAt,
    },
  };
}

export interface ContactInput {
  name: string;
  title: string | null;
  email: string;
  channel: ContactChannel;
  executive: boolean;
}

export function contactOf(random: DemoRandom, stakeholder: DemoStakeholder, contact: ContactInput): Row {
  const createdAt = stakeholder.row.created_at;
  return {
    id: randomUUID(),
    stakeholder_id: stakeholder.id,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: stakeholder.market.phone(random),
    preferred_channel: contact.channel,
    is_executive: contact.executive,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** A person at an organisation, named in the organisation's language, with a work address. */
export function employeeOf(
  random: DemoRandom,
  stakeholder: DemoStakeholder,
  title: string,
  executive: boolean,
  channel: ContactChannel,
): Row {
  const words = WORDS[stakeholder.market.language];
  const name = `${random.pick(words.firstNames)} ${random.pick(words.lastNames)}`;
  const email = `${asciiSlug(name, '.')}@${mailDomainOf(stakeholder.row.name as string)}`;
  return contactOf(random, stakeholder, { name, title, email, channel, executive });
}
