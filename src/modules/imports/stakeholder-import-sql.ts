import { STAKEHOLDER_CSV_COLUMNS } from './stakeholder-csv-columns';

/** The staging table of one import: loaded by the dry run, reused by the run, dropped when the import ends. */
export function stagingTableOf(importId: string): string {
  return `import_stage_${importId.replace(/[^0-9a-f]/gi, '')}`;
}

/**
 * What the merge does with an accepted staged row (alias s), from the marks the checks leave:
 * computed where it is needed (the plan's counts, the merge's statements) rather than stored by
 * an UPDATE of every staged row. The checks mark only the rows that are not the common case
 * (a later row of an external_ref, a stakeholder or contact that exists, a case already open).
 */
export function mergeActions(skip: boolean, opensCases: boolean): { stakeholder: string; contact: string; recoveryCase: string } {
  return {
    stakeholder: `CASE WHEN NOT s.is_first THEN NULL WHEN s.stakeholder_id IS NULL THEN 'CREATE'
      WHEN ${skip} THEN 'SKIP' WHEN s.stakeholder_changed THEN 'UPDATE' ELSE 'UNCHANGED' END`,
    contact: `CASE WHEN s.contact_key IS NULL THEN NULL WHEN s.stakeholder_id IS NULL THEN 'CREATE'
      WHEN ${skip} THEN 'SKIP' WHEN s.contact_id IS NULL THEN 'CREATE' WHEN s.contact_changed THEN 'UPDATE' ELSE 'UNCHANGED' END`,
    recoveryCase: `CASE WHEN NOT ${opensCases} OR NOT s.is_first THEN NULL WHEN s.case_exists THEN 'EXISTS' ELSE 'OPEN' END`,
  };
}

/** SQL text for "this staged value differs from the stored one", for the mapped columns only. */
export function changedSql(pairs: readonly [column: string, stored: string][], mapped: ReadonlySet<string>): string {
  const parts = pairs.filter(([column]) => mapped.has(column)).map(([column, stored]) => `s.${column} IS DISTINCT FROM ${stored}`);
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'false';
}

/** The stakeholder and case columns that every row of one external_ref must agree on. */
export function consistencyColumns(opensCases: boolean): string[] {
  return STAKEHOLDER_CSV_COLUMNS.filter((c) => c.section === 'stakeholder' || (opensCases && c.section === 'case')).map((c) => c.name);
}

/** Stakeholder columns an update copies, with the stored expression each compares against. */
export const STAKEHOLDER_UPDATABLE: readonly [column: string, target: string, stored: string, cast: string][] = [
  ['name', 'name', 'st.name', ''],
  ['segment', 'segment', 'st.segment', ''],
  ['tier', 'tier', 'st.tier::text', '::stakeholder_tier'],
  ['region', 'region', 'st.region', ''],
  ['time_zone', 'time_zone', 'st.time_zone', ''],
  ['do_not_contact', 'do_not_contact', 'st.do_not_contact::text', '::boolean'],
  ['baseline_monthly_revenue_minor', 'baseline_monthly_revenue_minor', 'st.baseline_monthly_revenue_minor::text', '::bigint'],
  ['baseline_currency', 'baseline_currency', 'st.baseline_currency::text', ''],
  ['contract_reference', 'contract_reference', 'st.contract_reference', ''],
  ['contract_start_date', 'contract_start_date', 'st.contract_start_date::text', '::date'],
  ['contract_end_date', 'contract_end_date', 'st.contract_end_date::text', '::date'],
];

export const CONTACT_UPDATABLE: readonly [column: string, target: string, stored: string, cast: string][] = [
  ['contact_name', 'name', 'c.name', ''],
  ['contact_title', 'title', 'c.title', ''],
  ['contact_email', 'email', 'c.email', ''],
  ['contact_phone', 'phone', 'c.phone', ''],
  ['contact_preferred_channel', 'preferred_channel', 'c.preferred_channel::text', '::contact_channel'],
  ['contact_is_executive', 'is_executive', 'c.is_executive::text', '::boolean'],
];

/** The audit payload of a stakeholder, as StakeholdersService writes it, from a row alias. */
export function stakeholderAuditJson(a: string): string {
  return `jsonb_build_object('kind', ${a}.kind, 'name', ${a}.name, 'ownerId', ${a}.owner_id, 'externalRef', ${a}.external_ref,
    'doNotContact', ${a}.do_not_contact, 'contractReference', ${a}.contract_reference,
    'contractStartDate', ${a}.contract_start_date, 'contractEndDate', ${a}.contract_end_date,
    'baselineMonthlyRevenue', CASE WHEN ${a}.baseline_monthly_revenue_minor IS NULL THEN NULL
      ELSE jsonb_build_object('amountMinor', ${a}.baseline_monthly_revenue_minor::text, 'currency', ${a}.baseline_currency) END)`;
}
