/**
 * The stakeholder CSV contract, shared by the import and the export: the export writes exactly
 * these headers in this order, so an exported file re-imports to the same records. One row per
 * contact; a stakeholder without contacts is one row with empty contact columns; rows with the
 * same external_ref are one stakeholder and must agree on every stakeholder and case column.
 */

/** Which record a column feeds. */
export type StakeholderCsvSection = 'stakeholder' | 'contact' | 'case';

export interface CsvColumnDefinition<Name extends string = string> {
  /** The header as exported, and the canonical name a mapping points at. */
  readonly name: Name;
  /** 'signal': a column of a REVENUE or SURVEYS file. */
  readonly section: StakeholderCsvSection | 'signal';
  /** A row without a value here is rejected. */
  readonly required: boolean;
  /** Other headers that mean this column (compared after normalising, see normalizeHeader). */
  readonly synonyms: readonly string[];
  readonly description: string;
}

export const STAKEHOLDER_CSV_COLUMNS = [
  { name: 'external_ref', section: 'stakeholder', required: true, synonyms: ['customer id', 'customer number', 'partner id', 'account id', 'external id', 'reference', 'ref', 'id'], description: "The record's id in the source system; the de-duplication key." },
  { name: 'kind', section: 'stakeholder', required: true, synonyms: ['type', 'stakeholder kind', 'stakeholder type'], description: 'CUSTOMER or PARTNER.' },
  { name: 'name', section: 'stakeholder', required: true, synonyms: ['customer name', 'partner name', 'company', 'company name', 'account name', 'stakeholder name'], description: 'Display name.' },
  { name: 'segment', section: 'stakeholder', required: false, synonyms: [], description: 'Free text, up to 60 characters.' },
  { name: 'tier', section: 'stakeholder', required: false, synonyms: [], description: 'STRATEGIC, KEY or STANDARD (the default).' },
  { name: 'region', section: 'stakeholder', required: false, synonyms: [], description: 'Free text, up to 60 characters.' },
  { name: 'time_zone', section: 'stakeholder', required: false, synonyms: ['timezone', 'tz'], description: 'IANA time zone, e.g. Europe/Berlin; UTC when empty.' },
  { name: 'owner_email', section: 'stakeholder', required: false, synonyms: ['owner', 'account owner', 'account manager'], description: 'Email of an active user who may own this kind.' },
  { name: 'do_not_contact', section: 'stakeholder', required: false, synonyms: ['dnc', 'opt out'], description: 'true or false (false when empty).' },
  { name: 'baseline_monthly_revenue_minor', section: 'stakeholder', required: false, synonyms: ['baseline revenue minor', 'monthly revenue minor'], description: 'Pre-crisis monthly revenue in minor units (integer).' },
  { name: 'baseline_currency', section: 'stakeholder', required: false, synonyms: ['currency', 'revenue currency'], description: 'ISO 4217 code; required with the revenue.' },
  { name: 'contract_reference', section: 'stakeholder', required: false, synonyms: ['contract', 'contract ref', 'contract number'], description: 'Partners only.' },
  { name: 'contract_start_date', section: 'stakeholder', required: false, synonyms: ['contract start'], description: 'Partners only; YYYY-MM-DD.' },
  { name: 'contract_end_date', section: 'stakeholder', required: false, synonyms: ['contract end'], description: 'Partners only; YYYY-MM-DD, not before the start.' },
  { name: 'contact_name', section: 'contact', required: false, synonyms: ['contact', 'contact person', 'full name'], description: "Required when any other contact column has a value." },
  { name: 'contact_title', section: 'contact', required: false, synonyms: ['title', 'job title', 'position'], description: 'Job title.' },
  { name: 'contact_email', section: 'contact', required: false, synonyms: ['email', 'e-mail', 'email address', 'mail'], description: 'Recognises an existing contact (case-insensitively).' },
  { name: 'contact_phone', section: 'contact', required: false, synonyms: ['phone', 'telephone', 'phone number', 'mobile'], description: 'Up to 40 characters.' },
  { name: 'contact_preferred_channel', section: 'contact', required: false, synonyms: ['preferred channel', 'channel'], description: 'PHONE, EMAIL, SMS, CHAT, SOCIAL, VIDEO, IN_PERSON or LETTER.' },
  { name: 'contact_is_executive', section: 'contact', required: false, synonyms: ['is executive', 'executive'], description: 'true or false (false when empty).' },
  { name: 'case_impact', section: 'case', required: false, synonyms: ['impact'], description: 'LOW, MEDIUM, HIGH or CRITICAL; required when the import names a crisis.' },
  { name: 'case_estimated_loss_minor', section: 'case', required: false, synonyms: ['estimated loss minor', 'loss minor'], description: 'Estimated loss in minor units (integer).' },
  { name: 'case_loss_currency', section: 'case', required: false, synonyms: ['loss currency'], description: 'ISO 4217 code; required with the loss.' },
  { name: 'case_priority', section: 'case', required: false, synonyms: ['priority'], description: 'URGENT, HIGH, NORMAL (the default) or LOW.' },
  { name: 'case_owner_email', section: 'case', required: false, synonyms: ['case owner'], description: 'Email of an active user who may own the case; else the round-robin team of the import options.' },
  { name: 'case_description', section: 'case', required: false, synonyms: ['description', 'notes'], description: 'Free text.' },
] as const satisfies readonly CsvColumnDefinition[];

export type StakeholderCsvColumn = (typeof STAKEHOLDER_CSV_COLUMNS)[number]['name'];

/** The headers in export order. */
export const STAKEHOLDER_CSV_HEADERS: readonly StakeholderCsvColumn[] = STAKEHOLDER_CSV_COLUMNS.map((c) => c.name);

/** The extra columns of a rejected-rows file, after the contract's headers. */
export const REJECTED_ROW_ERROR_HEADERS = ['error_line', 'error_column', 'error_reason'] as const;

/** "Customer ID", "customer_id" and "customer-id" all become "customerid". */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]+/g, '');
}
