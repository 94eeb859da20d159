import { MONEY_CURRENCY_RULE } from '../../common/money/currency-code';
import { CasePriority, ImpactLevel } from '../cases/case.enums';
import { canOwnCase } from '../cases/case-owner-rule';
import {
  isCalendarDate,
  isContactEmail,
  isCurrencyCode,
  isIanaTimeZone,
  isMinorUnits,
  STAKEHOLDER_LIMITS,
} from '../stakeholders/stakeholder-field-rules';
import { canCreateKind, contractProblem, defaultOwnerId } from '../stakeholders/stakeholder-rules';
import { ContactChannel, StakeholderKind, StakeholderTier } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { RowVerdict } from './import-profile';
import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from './stakeholder-csv-columns';

/** Position of each contract column in a row's values. */
export const COL: Readonly<Record<StakeholderCsvColumn, number>> = Object.fromEntries(
  STAKEHOLDER_CSV_HEADERS.map((name, index) => [name, index]),
) as Record<StakeholderCsvColumn, number>;

const CONTACT_COLUMNS = STAKEHOLDER_CSV_HEADERS.filter((c) => c.startsWith('contact_'));
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const MAX_DESCRIPTION = 20_000;

export interface StakeholderRowRulesOptions {
  actor: { email: string; role: UserRole };
  /** Cases are opened only when the import names a crisis; otherwise case columns are ignored. */
  opensCases: boolean;
}

class Rejection {
  constructor(
    readonly column: StakeholderCsvColumn,
    readonly reason: string,
  ) {}
}

const KINDS = Object.values(StakeholderKind);
const TIERS = Object.values(StakeholderTier);
const CHANNELS = Object.values(ContactChannel);
const IMPACTS = Object.values(ImpactLevel);
const PRIORITIES = Object.values(CasePriority);

function oneOf<T extends string>(column: StakeholderCsvColumn, value: string, allowed: readonly T[]): T {
  // Most files already write the enum in upper case: skip the copy then.
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const upper = value.toUpperCase();
  if (!(allowed as readonly string[]).includes(upper)) throw new Rejection(column, `${column} "${value}" is not one of ${allowed.join(', ')}`);
  return upper as T;
}

function maxLength(column: StakeholderCsvColumn, value: string, limit: number): string {
  if (value.length > limit) throw new Rejection(column, `${column} is ${value.length} characters long; at most ${limit}`);
  return value;
}

function bool(column: StakeholderCsvColumn, value: string | null): string {
  if (value === null) return 'false';
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return 'true';
  if (FALSE.has(lower)) return 'false';
  throw new Rejection(column, `${column} "${value}" must be true or false`);
}

function minor(column: StakeholderCsvColumn, value: string): string {
  if (!isMinorUnits(value)) throw new Rejection(column, `${column} "${value}" must be a whole number of minor units, zero or more (e.g. 125000 for 1,250.00)`);
  return value.replace(/^0+(?=\d)/, '');
}

function currency(column: StakeholderCsvColumn, value: string): string {
  const upper = value.toUpperCase();
  if (!isCurrencyCode(upper)) throw new Rejection(column, `${column} "${value}" must be ${MONEY_CURRENCY_RULE}`);
  return upper;
}

/** Owner columns repeat the same few addresses on every row: remember the verdicts (bounded). */
const ownerEmails = new Map<string, boolean>();
function validEmail(value: string, repeats: boolean): boolean {
  if (!repeats) return isContactEmail(value);
  let known = ownerEmails.get(value);
  if (known === undefined) {
    known = isContactEmail(value);
    if (ownerEmails.size < 10_000) ownerEmails.set(value, known);
  }
  return known;
}

function email(column: StakeholderCsvColumn, value: string): string {
  if (value.length > STAKEHOLDER_LIMITS.contactEmail || !validEmail(value, column !== 'contact_email')) {
    throw new Rejection(column, `${column} "${value}" is not a valid email address`);
  }
  return value;
}

function calendarDate(column: StakeholderCsvColumn, value: string): string {
  if (!isCalendarDate(value)) throw new Rejection(column, `${column} "${value}" must be a real date written YYYY-MM-DD`);
  return value;
}

/**
 * The per-row rules of a stakeholder import: the same field rules as the GraphQL inputs
 * (stakeholder-field-rules, contractProblem, canCreateKind, canOwnCase), applied to trimmed
 * strings (empty meaning null). Values come back normalised (upper-case enums, defaults filled)
 * so that the database merge can compare them with what is stored.
 */
export function stakeholderRowRules(options: StakeholderRowRulesOptions): (values: (string | null)[]) => RowVerdict {
  const { actor, opensCases } = options;
  const actorEmail = actor.email.toLowerCase();
  const limitedToSelf = actor.role !== UserRole.ADMIN;
  const ownsKind = (kind: StakeholderKind) => defaultOwnerId({ id: actorEmail, role: actor.role }, kind) === actorEmail;

  const check = (v: (string | null)[]): (string | null)[] => {
    const out: (string | null)[] = new Array(STAKEHOLDER_CSV_HEADERS.length).fill(null);
    const required = (column: StakeholderCsvColumn): string => {
      const value = v[COL[column]];
      if (value === null) throw new Rejection(column, `${column} is required`);
      return value;
    };
    const optional = (column: StakeholderCsvColumn): string | null => v[COL[column]];

    out[COL.external_ref] = maxLength('external_ref', required('external_ref'), STAKEHOLDER_LIMITS.externalRef);
    const kind = oneOf('kind', required('kind'), KINDS);
    out[COL.kind] = kind;
    if (!canCreateKind(actor.role, kind)) {
      throw new Rejection('kind', `a ${actor.role} cannot import a ${kind}: partner managers import partners only`);
    }
    out[COL.name] = maxLength('name', required('name'), STAKEHOLDER_LIMITS.name);
    const segment = optional('segment');
    out[COL.segment] = segment === null ? null : maxLength('segment', segment, STAKEHOLDER_LIMITS.segment);
    const region = optional('region');
    out[COL.region] = region === null ? null : maxLength('region', region, STAKEHOLDER_LIMITS.region);
    const tier = optional('tier');
    out[COL.tier] = tier === null ? StakeholderTier.STANDARD : oneOf('tier', tier, TIERS);
    const timeZone = optional('time_zone') ?? 'UTC';
    if (timeZone.length > STAKEHOLDER_LIMITS.timeZone || !isIanaTimeZone(timeZone)) {
      throw new Rejection('time_zone', `time_zone "${timeZone}" must be an IANA time zone such as Europe/Berlin`);
    }
    out[COL.time_zone] = timeZone;
    const owner = optional('owner_email');
    if (owner !== null) {
      out[COL.owner_email] = email('owner_email', owner).toLowerCase();
      if (limitedToSelf && out[COL.owner_email] !== actorEmail) {
        throw new Rejection('owner_email', `only an admin can import stakeholders for another owner; leave owner_email empty or put ${actorEmail}`);
      }
    }
    else if (ownsKind(kind)) {
      // defaultOwnerId: a creator whose role may own this kind owns what they import.
      out[COL.owner_email] = actorEmail;
    }
    out[COL.do_not_contact] = bool('do_not_contact', optional('do_not_contact'));

    const revenue = optional('baseline_monthly_revenue_minor');
    const revenueCurrency = optional('baseline_currency');
    if ((revenue === null) !== (revenueCurrency === null)) {
      const missing = revenue === null ? 'baseline_monthly_revenue_minor' : 'baseline_currency';
      throw new Rejection(missing, 'baseline_monthly_revenue_minor and baseline_currency go together: give both or neither');
    }
    if (revenue !== null && revenueCurrency !== null) {
      out[COL.baseline_monthly_revenue_minor] = minor('baseline_monthly_revenue_minor', revenue);
      out[COL.baseline_currency] = currency('baseline_currency', revenueCurrency);
    }

    const reference = optional('contract_reference');
    const start = optional('contract_start_date');
    const end = optional('contract_end_date');
    out[COL.contract_reference] = reference === null ? null : maxLength('contract_reference', reference, STAKEHOLDER_LIMITS.contractReference);
    out[COL.contract_start_date] = start === null ? null : calendarDate('contract_start_date', start);
    out[COL.contract_end_date] = end === null ? null : calendarDate('contract_end_date', end);
    const problem = contractProblem(kind, { contractReference: reference, contractStartDate: start, contractEndDate: end });
    if (problem) throw new Rejection(reference !== null ? 'contract_reference' : 'contract_end_date', problem);

    if (CONTACT_COLUMNS.some((c) => v[COL[c]] !== null)) {
      const contactName = v[COL.contact_name];
      if (contactName === null) throw new Rejection('contact_name', 'contact_name is required when any other contact column has a value');
      out[COL.contact_name] = maxLength('contact_name', contactName, STAKEHOLDER_LIMITS.contactName);
      const title = optional('contact_title');
      out[COL.contact_title] = title === null ? null : maxLength('contact_title', title, STAKEHOLDER_LIMITS.contactTitle);
      const contactEmail = optional('contact_email');
      out[COL.contact_email] = contactEmail === null ? null : email('contact_email', contactEmail);
      const phone = optional('contact_phone');
      out[COL.contact_phone] = phone === null ? null : maxLength('contact_phone', phone, STAKEHOLDER_LIMITS.contactPhone);
      const channel = optional('contact_preferred_channel');
      out[COL.contact_preferred_channel] = channel === null ? null : oneOf('contact_preferred_channel', channel, CHANNELS);
      out[COL.contact_is_executive] = bool('contact_is_executive', optional('contact_is_executive'));
    }

    if (opensCases) {
      out[COL.case_impact] = oneOf('case_impact', required('case_impact'), IMPACTS);
      const loss = optional('case_estimated_loss_minor');
      out[COL.case_estimated_loss_minor] = loss === null ? '0' : minor('case_estimated_loss_minor', loss);
      const lossCurrency = optional('case_loss_currency') ?? out[COL.baseline_currency];
      if (lossCurrency === null) {
        throw new Rejection('case_loss_currency', 'case_loss_currency is required (or a baseline_currency to take it from)');
      }
      out[COL.case_loss_currency] = currency('case_loss_currency', lossCurrency);
      const priority = optional('case_priority');
      out[COL.case_priority] = priority === null ? CasePriority.NORMAL : oneOf('case_priority', priority, PRIORITIES);
      const caseOwner = optional('case_owner_email');
      if (caseOwner !== null) {
        out[COL.case_owner_email] = email('case_owner_email', caseOwner).toLowerCase();
        if (limitedToSelf && out[COL.case_owner_email] !== actorEmail) {
          throw new Rejection('case_owner_email', `you may only open cases you own yourself; leave case_owner_email empty or put ${actorEmail}`);
        }
      } else if (limitedToSelf && canOwnCase({ role: actor.role, isActive: true }, kind)) {
        out[COL.case_owner_email] = actorEmail;
      }
      const description = optional('case_description');
      out[COL.case_description] = description === null ? '' : maxLength('case_description', description, MAX_DESCRIPTION);
    }
    return out;
  };

  return (values) => {
    try {
      return { ok: true, values: check(values) };
    } catch (error) {
      if (error instanceof Rejection) return { ok: false, column: error.column, reason: error.reason };
      throw error;
    }
  };
}
