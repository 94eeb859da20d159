import { stringify } from 'csv-stringify/sync';
import { AtRiskCaseModel } from './models/at-risk-case.model';
import { CostDashboardModel } from './models/cost-dashboard.model';
import { RecoveryMonthModel } from './models/recovery-month.model';
import { ResponseDashboardModel } from './models/response-dashboard.model';
import { ShareModel } from './models/share.model';
import { TimeToRecoveryModel } from './models/time-to-recovery.model';
import { guardFormula } from '../../common/csv/csv-formula-guard';

/** The dashboard sections that have a CSV form, as they appear in the URL. */
export enum DashboardCsvSection {
  RESPONSE = 'response',
  COMPENSATION = 'compensation',
  COST = 'cost',
  RECOVERY_CURVE = 'recovery-curve',
  TIME_TO_RECOVERY = 'time-to-recovery',
  AT_RISK = 'at-risk',
}

type Cell = string | number | null;
export type CsvTable = { columns: string[]; rows: Cell[][] };


const shareCells = (s: ShareModel): Cell[] => [s.numerator, s.denominator, s.basisPoints];

/** One line per figure; a ratio gives its numerator, denominator and basis points, a plain figure only its value. */
export function responseTable(r: ResponseDashboardModel): CsvTable {
  return {
    columns: ['figure', 'value', 'numerator', 'denominator', 'basis_points'],
    rows: [
      ['cases', r.cases, null, null, null],
      ...r.casesByStatus.map((s): Cell[] => [`cases_${s.status.toLowerCase()}`, s.count, null, null, null]),
      ['contacted_within_golden_hours', null, ...shareCells(r.contactedWithinGoldenHours)],
      ['median_seconds_to_first_contact', r.medianSecondsToFirstContact, null, null, null],
      ['inbound_answered_within_sla', null, ...shareCells(r.inboundAnsweredWithinSla)],
      ['outbound_with_approved_template', null, ...shareCells(r.outboundWithApprovedTemplate)],
    ],
  };
}

export function compensationTable(c: CostDashboardModel): CsvTable {
  return {
    columns: ['kind', 'status', 'currency', 'count', 'total_minor'],
    rows: c.compensationByKindAndStatus.map((t) => [t.kind, t.status, t.total.currency, t.count, t.total.amountMinor]),
  };
}

export function costTable(c: CostDashboardModel): CsvTable {
  return {
    columns: [
      'currency',
      'estimated_loss_minor',
      'compensation_given_minor',
      'loss_ratio_basis_points',
      'retained_revenue_minor',
      'retained_revenue_per_compensation_basis_points',
    ],
    rows: c.byCurrency.map((x) => [
      x.currency,
      x.estimatedLoss.amountMinor,
      x.compensationGiven.amountMinor,
      x.lossRatioBasisPoints,
      x.retainedRevenue.amountMinor,
      x.retainedRevenuePerCompensationBasisPoints,
    ]),
  };
}

/** One line per month; revenue gets three columns per currency that appears in any month. */
export function recoveryCurveTable(months: RecoveryMonthModel[]): CsvTable {
  const currencies = [...new Set(months.flatMap((m) => m.revenueVsBaseline.map((r) => r.currency)))].sort();
  return {
    columns: [
      'month_index',
      'cases',
      'average_trust_index',
      'nps_respondents',
      'nps_promoters',
      'nps_passives',
      'nps_detractors',
      'nps_score',
      'average_csat',
      'retained_cases',
      'retention_basis_points',
      'promises_kept',
      'promises_due',
      ...currencies.flatMap((c) => [`revenue_${c}_minor`, `baseline_${c}_minor`, `revenue_share_${c}_basis_points`]),
    ],
    rows: months.map((m) => [
      m.monthIndex,
      m.cases,
      m.averageTrustIndex,
      m.nps.respondents,
      m.nps.promoters,
      m.nps.passives,
      m.nps.detractors,
      m.nps.score,
      m.averageCsat,
      m.retention.numerator,
      m.retention.basisPoints,
      m.promiseKept.kept,
      m.promiseKept.due,
      ...currencies.flatMap((c): Cell[] => {
        const r = m.revenueVsBaseline.find((x) => x.currency === c);
        return r ? [r.revenue.amountMinor, r.baseline.amountMinor, r.shareBasisPoints] : [null, null, null];
      }),
    ]),
  };
}

export function timeToRecoveryTable(t: TimeToRecoveryModel): CsvTable {
  return {
    columns: ['figure', 'value', 'numerator', 'denominator', 'basis_points'],
    rows: [
      ['cases', t.cases, null, null, null],
      ['median_months', t.medianMonths, null, null, null],
      ['recovered_by_3_months', null, ...shareCells(t.recoveredBy3Months)],
      ['recovered_by_6_months', null, ...shareCells(t.recoveredBy6Months)],
      ['recovered_by_12_months', null, ...shareCells(t.recoveredBy12Months)],
      ['recovered_ever', null, ...shareCells(t.recoveredEver)],
    ],
  };
}

export function atRiskTable(cases: AtRiskCaseModel[]): CsvTable {
  return {
    columns: ['case_id', 'stakeholder_id', 'stakeholder_name', 'owner_id', 'status', 'month_index', 'trust_index', 'band', 'reasons'],
    rows: cases.map((c) => [
      c.caseId,
      c.stakeholderId,
      guardFormula(c.stakeholderName),
      c.ownerId,
      c.status,
      c.monthIndex,
      c.trustIndex,
      c.band,
      guardFormula(c.reasons.map((r) => `${r.code}: ${r.message} (${r.points})`).join('; ')),
    ]),
  };
}

/** RFC 4180 text with a header line; an empty cell stands for null. */
export function toCsv(table: CsvTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))], {
    record_delimiter: '\r\n',
  });
}
