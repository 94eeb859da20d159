import { CsvColumnDefinition } from './stakeholder-csv-columns';

/**
 * The REVENUE and SURVEYS CSV contracts. A stakeholder is named by its external_ref (the key of
 * the stakeholder import and export), so a file from the main CRM needs no Regain ids.
 */
const EXTERNAL_REF = {
  name: 'external_ref',
  section: 'signal',
  required: true,
  synonyms: ['customer id', 'customer number', 'partner id', 'account id', 'external id', 'reference', 'ref'],
  description: "The stakeholder's external reference (as in the stakeholder import).",
} as const;

export const REVENUE_CSV_COLUMNS = [
  EXTERNAL_REF,
  { name: 'month', section: 'signal', required: true, synonyms: ['period', 'revenue month', 'billing month'], description: 'The calendar month, YYYY-MM (or YYYY-MM-01); not one that has not started.' },
  { name: 'amount_minor', section: 'signal', required: true, synonyms: ['revenue minor', 'amount minor units', 'revenue minor units'], description: 'Revenue in minor units (integer, zero or more).' },
  { name: 'currency', section: 'signal', required: true, synonyms: ['revenue currency'], description: "ISO 4217 code; the stakeholder's baseline currency when it has one." },
] as const satisfies readonly CsvColumnDefinition[];

export type RevenueCsvColumn = (typeof REVENUE_CSV_COLUMNS)[number]['name'];

export const SURVEY_CSV_COLUMNS = [
  EXTERNAL_REF,
  { name: 'contact_email', section: 'signal', required: false, synonyms: ['email', 'e-mail', 'respondent email', 'respondent'], description: "Who answered: a contact of the stakeholder, by email (case-insensitively); empty for an unnamed respondent." },
  { name: 'kind', section: 'signal', required: true, synonyms: ['survey', 'survey kind', 'survey type', 'type'], description: 'NPS, CSAT or TRUST.' },
  { name: 'score', section: 'signal', required: true, synonyms: ['rating', 'answer'], description: 'NPS 0–10; CSAT and TRUST 1–5.' },
  { name: 'responded_at', section: 'signal', required: true, synonyms: ['responded', 'response date', 'submitted at', 'answered at', 'timestamp'], description: 'ISO 8601 with a zone (2026-11-20T09:30:00Z, +01:00), or a date (midnight UTC); not in the future.' },
  { name: 'comment', section: 'signal', required: false, synonyms: ['comments', 'feedback', 'verbatim'], description: 'Free text, up to 5000 characters.' },
  { name: 'is_pre_crisis', section: 'signal', required: false, synonyms: ['pre crisis', 'baseline'], description: 'true for a baseline answer from before the crisis started (false when empty).' },
] as const satisfies readonly CsvColumnDefinition[];

export type SurveyCsvColumn = (typeof SURVEY_CSV_COLUMNS)[number]['name'];

/** Position of each column in a row's values. */
export function positionsOf<Name extends string>(columns: readonly { name: Name }[]): Readonly<Record<Name, number>> {
  return Object.fromEntries(columns.map((c, i) => [c.name, i])) as Record<Name, number>;
}
