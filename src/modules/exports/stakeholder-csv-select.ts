import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from '../imports/stakeholder-csv-columns';
import { CsvCell } from './csv-export';

type StakeholderOrContactColumn = Exclude<StakeholderCsvColumn, `case_${string}`>;

/**
 * The SQL behind each stakeholder and contact column of the CSV contract, with the stakeholder
 * as `s`, its owner as `so` and the contact as `ct` (STAKEHOLDER_CONTACT_JOINS). Typed by the
 * contract, so a column added there does not compile until the export writes it. Values are
 * the import's own spelling: enum names, true/false, dates as YYYY-MM-DD, money as minor units.
 */
export const STAKEHOLDER_CONTACT_SELECT: Record<StakeholderOrContactColumn, string> = {
  external_ref: 's.external_ref',
  kind: 's.kind::text',
  name: 's.name',
  segment: 's.segment',
  tier: 's.tier::text',
  region: 's.region',
  time_zone: 's.time_zone',
  owner_email: 'so.email',
  do_not_contact: 's.do_not_contact',
  baseline_monthly_revenue_minor: 's.baseline_monthly_revenue_minor::text',
  baseline_currency: 'btrim(s.baseline_currency)',
  contract_reference: 's.contract_reference',
  contract_start_date: 's.contract_start_date::text',
  contract_end_date: 's.contract_end_date::text',
  contact_name: 'ct.name',
  contact_title: 'ct.title',
  contact_email: 'ct.email',
  contact_phone: 'ct.phone',
  contact_preferred_channel: 'ct.preferred_channel::text',
  contact_is_executive: 'ct.is_executive',
};

/** One row per contact; a stakeholder without contacts is one row with empty contact columns. */
export const STAKEHOLDER_CONTACT_JOINS = `
  LEFT JOIN users so ON so.id = s.owner_id
  LEFT JOIN contacts ct ON ct.stakeholder_id = s.id`;

/** The stakeholder and contact headers, in the contract's order. */
export const STAKEHOLDER_CONTACT_HEADERS: readonly string[] = STAKEHOLDER_CSV_HEADERS.filter((h) => h in STAKEHOLDER_CONTACT_SELECT);

/** `expression AS header, …` in the order of the headers. */
export function selectList(headers: readonly string[], columns: Record<string, string>): string {
  return headers.map((header) => `${columns[header]} AS ${header}`).join(',\n           ');
}

/** Reads a row whose columns are named like the headers. */
export function recordByHeaders(headers: readonly string[]): (row: Record<string, unknown>) => CsvCell[] {
  return (row) => headers.map((header) => row[header] as CsvCell);
}
