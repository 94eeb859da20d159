import { MONEY_CURRENCY_RULE } from '../../common/money/currency-code';
import { futureProblem } from '../../common/time/not-in-future';
import { firstOfMonth, revenueMonthProblem, surveyScoreProblem } from '../signals/signal-rules';
import { SurveyKind } from '../signals/signal.enums';
import { isCalendarDate, isContactEmail, isCurrencyCode, isMinorUnits, STAKEHOLDER_LIMITS } from '../stakeholders/stakeholder-field-rules';
import { RowVerdict } from './import-profile';
import { positionsOf, REVENUE_CSV_COLUMNS, SURVEY_CSV_COLUMNS } from './signal-csv-columns';

/**
 * The per-row rules of the REVENUE and SURVEYS imports: the field rules of the GraphQL inputs
 * (MoneyInput, RevenueMonthInput, SurveyResponseInput) and the signal rules (signal-rules.ts),
 * applied to trimmed strings, empty meaning null. Values come back normalised (a month as its
 * first day, upper-case codes, instants as UTC ISO 8601) so that the database checks compare
 * like with like.
 */

class Rejection {
  constructor(
    readonly column: string,
    readonly reason: string,
  ) {}
}

/** The longest comment a survey response keeps (the column's CHECK, and SurveyResponseInput's). */
export const MAX_SURVEY_COMMENT = 5000;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const KINDS = Object.values(SurveyKind) as string[];
const WHOLE_NUMBER = /^[+-]?\d{1,6}$/;
/** A date, optionally with a time and then a zone (Z, +01, +0100 or +01:00); a space may stand for the T. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function verdictOf(check: () => (string | null)[]): RowVerdict {
  try {
    return { ok: true, values: check() };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, column: error.column, reason: error.reason };
    throw error;
  }
}

function required(values: (string | null)[], position: number, column: string): string {
  const value = values[position];
  if (value === null) throw new Rejection(column, `${column} is required`);
  return value;
}

function externalRef(value: string): string {
  if (value.length > STAKEHOLDER_LIMITS.externalRef) {
    throw new Rejection('external_ref', `external_ref is ${value.length} characters long; at most ${STAKEHOLDER_LIMITS.externalRef}`);
  }
  return value;
}

/** An instant in UTC ISO 8601, or a rejection: a time without a zone is ambiguous, so it is refused. */
function parseInstant(column: string, value: string): Date {
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDate(match[1])) {
    throw new Rejection(column, `${column} "${value}" must be an ISO 8601 date-time such as 2026-11-20T09:30:00Z (or a date, midnight UTC)`);
  }
  const [, date, time, zone] = match;
  if (time !== undefined && zone === undefined) {
    throw new Rejection(column, `${column} "${value}" has no time zone; add Z (UTC) or an offset such as +01:00`);
  }
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const at = new Date(`${date}T${time ?? '00:00'}${offset}`);
  if (Number.isNaN(at.getTime())) throw new Rejection(column, `${column} "${value}" is not a real date and time`);
  return at;
}

const R = positionsOf(REVENUE_CSV_COLUMNS);

/** One stakeholder's revenue for one month: RevenueMonthInput and RevenueMonthsService's row rules. */
export function revenueRowRules(now: Date): (values: (string | null)[]) => RowVerdict {
  return (v) =>
    verdictOf(() => {
      const out: (string | null)[] = new Array(REVENUE_CSV_COLUMNS.length).fill(null);
      out[R.external_ref] = externalRef(required(v, R.external_ref, 'external_ref'));
      const rawMonth = required(v, R.month, 'month');
      const month = firstOfMonth(rawMonth);
      if (month === null) throw new Rejection('month', `month "${rawMonth}" must be a calendar month such as 2026-03`);
      const notStarted = revenueMonthProblem(month, now);
      if (notStarted) throw new Rejection('month', notStarted);
      out[R.month] = month;
      const amount = required(v, R.amount_minor, 'amount_minor');
      if (!isMinorUnits(amount)) {
        throw new Rejection('amount_minor', `amount_minor "${amount}" must be a whole number of minor units, zero or more (e.g. 125000 for 1,250.00)`);
      }
      out[R.amount_minor] = amount.replace(/^0+(?=\d)/, '');
      const currency = required(v, R.currency, 'currency').toUpperCase();
      if (!isCurrencyCode(currency)) throw new Rejection('currency', `currency "${v[R.currency]}" must be ${MONEY_CURRENCY_RULE}`);
      out[R.currency] = currency;
      return out;
    });
}

const S = positionsOf(SURVEY_CSV_COLUMNS);

/** One survey answer: SurveyResponseInput and SurveyResponsesService's row rules. */
export function surveyRowRules(now: Date): (values: (string | null)[]) => RowVerdict {
  return (v) =>
    verdictOf(() => {
      const out: (string | null)[] = new Array(SURVEY_CSV_COLUMNS.length).fill(null);
      out[S.external_ref] = externalRef(required(v, S.external_ref, 'external_ref'));
      const email = v[S.contact_email];
      if (email !== null) {
        if (email.length > STAKEHOLDER_LIMITS.contactEmail || !isContactEmail(email)) {
          throw new Rejection('contact_email', `contact_email "${email}" is not a valid email address`);
        }
        out[S.contact_email] = email.toLowerCase();
      }
      const rawKind = required(v, S.kind, 'kind');
      const kind = rawKind.toUpperCase();
      if (!KINDS.includes(kind)) throw new Rejection('kind', `kind "${rawKind}" is not one of ${KINDS.join(', ')}`);
      out[S.kind] = kind;
      const rawScore = required(v, S.score, 'score');
      if (!WHOLE_NUMBER.test(rawScore)) throw new Rejection('score', `score "${rawScore}" must be a whole number`);
      const score = Number(rawScore);
      const scoreProblem = surveyScoreProblem(kind as SurveyKind, score);
      if (scoreProblem) throw new Rejection('score', scoreProblem);
      out[S.score] = String(score);
      const respondedAt = parseInstant('responded_at', required(v, S.responded_at, 'responded_at'));
      const future = futureProblem('responded_at', respondedAt, now);
      if (future) throw new Rejection('responded_at', future);
      out[S.responded_at] = respondedAt.toISOString();
      const comment = v[S.comment];
      if (comment !== null && comment.length > MAX_SURVEY_COMMENT) {
        throw new Rejection('comment', `comment is ${comment.length} characters long; at most ${MAX_SURVEY_COMMENT}`);
      }
      out[S.comment] = comment;
      const pre = v[S.is_pre_crisis]?.toLowerCase() ?? 'false';
      if (!TRUE.has(pre) && !FALSE.has(pre)) throw new Rejection('is_pre_crisis', `is_pre_crisis "${v[S.is_pre_crisis]}" must be true or false`);
      out[S.is_pre_crisis] = TRUE.has(pre) ? 'true' : 'false';
      return out;
    });
}
