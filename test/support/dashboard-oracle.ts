import { DataSource } from 'typeorm';
import { netPromoterScore } from '../../src/modules/trust/nps';

/**
 * The dashboard figures computed the plain way: SELECT the raw rows of the cases in scope and
 * count them in TypeScript, one record at a time, with BigInt for money. Shares the
 * definitions written in the GraphQL field descriptions, none of the dashboard SQL.
 */

export interface OracleScope {
  crisisId: string;
  stakeholderKind?: string;
  segment?: string;
  region?: string;
  impact?: string[];
  ownerId?: string;
  /** Forced for partner managers. */
  stakeholderOwnerId?: string;
}

const STATUSES = ['IDENTIFIED', 'CONTACTED', 'COMPENSATING', 'RECOVERING', 'RECOVERED', 'CHURNED'];
const KINDS = ['REFUND', 'COUPON', 'CONTRACT_EXTENSION', 'SERVICE_CREDIT', 'CUSTOM'];
const COMP_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'CANCELLED', 'ISSUED', 'ACCEPTED', 'DECLINED'];
const HOUR = 3_600_000;

const share = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  basisPoints: denominator > 0 ? Math.floor((numerator * 10000) / denominator) : null,
});
const ratio = (a: bigint, b: bigint) => (b > 0n ? ((a * 10000n) / b).toString() : null);
/** Half away from zero to 2 decimals, exactly, as PostgreSQL's round(numeric, 2). */
const mean2 = (values: number[]) => {
  const sum = BigInt(values.reduce((a, b) => a + b, 0));
  const n = BigInt(values.length);
  return Number((2n * sum * 100n + n) / (2n * n)) / 100;
};

interface CaseRow {
  id: string;
  status: string;
  impact: string;
  created_at: Date;
  stakeholder_id: string;
  stakeholder_name: string;
  owner_id: string;
  estimated_loss_minor: string;
  loss_currency: string;
}

export class DashboardOracle {
  constructor(private readonly ds: DataSource) {}

  async cases(scope: OracleScope): Promise<CaseRow[]> {
    const all: (CaseRow & { kind: string; segment: string | null; region: string | null; s_owner: string | null; crisis_id: string })[] =
      await this.ds.query(
        `SELECT rc.*, s.kind, s.segment, s.region, s.owner_id AS s_owner, s.name AS stakeholder_name
           FROM recovery_cases rc, stakeholders s WHERE s.id = rc.stakeholder_id`,
      );
    return all.filter(
      (c) =>
        c.crisis_id === scope.crisisId &&
        (!scope.stakeholderKind || c.kind === scope.stakeholderKind) &&
        (scope.segment === undefined || c.segment === scope.segment) &&
        (scope.region === undefined || c.region === scope.region) &&
        (!scope.impact || scope.impact.includes(c.impact)) &&
        (!scope.ownerId || c.owner_id === scope.ownerId) &&
        (!scope.stakeholderOwnerId || c.s_owner === scope.stakeholderOwnerId),
    );
  }

  /** live: leave voided rows out, as every figure does. */
  private async rowsOf<T>(table: string, caseIds: string[], live = false): Promise<T[]> {
    if (!caseIds.length) return [];
    return this.ds.query(`SELECT * FROM ${table} WHERE case_id = ANY($1::uuid[])${live ? ' AND voided_at IS NULL' : ''}`, [caseIds]);
  }

  async response(scope: OracleScope) {
    const cases = await this.cases(scope);
    const [settings] = await this.ds.query(`SELECT *, golden_hours_impacts::text[] AS impacts FROM sla_settings`);
    const [crisis] = await this.ds.query(`SELECT severity FROM crises WHERE id = $1`, [scope.crisisId]);
    const goldenHours: number = settings[`golden_hours_${crisis.severity.toLowerCase()}`];
    const [{ now }] = await this.ds.query(`SELECT now() AS now`);
    const interactions: { case_id: string; direction: string; occurred_at: Date; template_version_id: string | null }[] = await this.rowsOf(
      'interactions',
      cases.map((c) => c.id),
      true,
    );
    let goldenMet = 0;
    let goldenEnded = 0;
    const delays: number[] = [];
    for (const c of cases) {
      const outs = interactions.filter((i) => i.case_id === c.id && i.direction === 'OUTBOUND').map((i) => i.occurred_at.getTime());
      const first = outs.length ? Math.min(...outs) : null;
      if (first !== null) delays.push((first - c.created_at.getTime()) / 1000);
      if (!settings.impacts.includes(c.impact)) continue;
      const due = c.created_at.getTime() + goldenHours * HOUR;
      if (first !== null && first <= due) goldenMet += 1;
      if (first !== null || now.getTime() > due) goldenEnded += 1;
    }
    delays.sort((a, b) => a - b);
    const mid = Math.floor(delays.length / 2);
    const median = !delays.length ? null : delays.length % 2 ? delays[mid] : (delays[mid - 1] + delays[mid]) / 2;
    let replyMet = 0;
    let replyEnded = 0;
    for (const i of interactions.filter((x) => x.direction === 'INBOUND')) {
      const answers = interactions
        .filter((o) => o.case_id === i.case_id && o.direction === 'OUTBOUND' && o.occurred_at.getTime() >= i.occurred_at.getTime())
        .map((o) => o.occurred_at.getTime());
      const answered = answers.length ? Math.min(...answers) : null;
      const due = i.occurred_at.getTime() + settings.reply_within_hours * HOUR;
      if (answered !== null && answered <= due) replyMet += 1;
      if (answered !== null || now.getTime() > due) replyEnded += 1;
    }
    const outbound = interactions.filter((i) => i.direction === 'OUTBOUND');
    return {
      cases: cases.length,
      casesByStatus: STATUSES.map((status) => ({ status, count: cases.filter((c) => c.status === status).length })),
      contactedWithinGoldenHours: share(goldenMet, goldenEnded),
      medianSecondsToFirstContact: median,
      inboundAnsweredWithinSla: share(replyMet, replyEnded),
      outboundWithApprovedTemplate: share(outbound.filter((i) => i.template_version_id !== null).length, outbound.length),
    };
  }

  async cost(scope: OracleScope) {
    const cases = await this.cases(scope);
    const ids = cases.map((c) => c.id);
    const comps: { kind: string; status: string; currency: string; value_minor: string }[] = await this.rowsOf('compensations', ids);
    // Dates as text: which month a snapshot is of, and which month its revenue figure is of.
    const snaps: { revenue_minor: string | null; currency: string | null; month_start: string; revenue_month: string | null; case_status: string }[] =
      ids.length
        ? await this.ds.query(
            `SELECT revenue_minor, currency, month_start::text, revenue_month::text, case_status FROM case_trust_snapshots WHERE case_id = ANY($1::uuid[])`,
            [ids],
          )
        : [];
    const groups = new Map<string, { kind: string; status: string; currency: string; count: number; total: bigint }>();
    for (const c of comps) {
      const key = `${KINDS.indexOf(c.kind)}|${COMP_STATUSES.indexOf(c.status)}|${c.currency}`;
      const g = groups.get(key) ?? { kind: c.kind, status: c.status, currency: c.currency, count: 0, total: 0n };
      g.count += 1;
      g.total += BigInt(c.value_minor);
      groups.set(key, g);
    }
    const byCurrency = new Map<string, { loss: bigint; given: bigint; revenue: bigint }>();
    const of = (currency: string) => {
      const entry = byCurrency.get(currency) ?? { loss: 0n, given: 0n, revenue: 0n };
      byCurrency.set(currency, entry);
      return entry;
    };
    for (const c of cases) of(c.loss_currency).loss += BigInt(c.estimated_loss_minor);
    for (const c of comps) if (c.status === 'ISSUED' || c.status === 'ACCEPTED') of(c.currency).given += BigInt(c.value_minor);
    // Retained revenue: a month's own recorded figure (not one carried over from the two months
    // before), while the case was not churned at the month's end; so each recorded month once.
    for (const s of snaps) {
      if (s.revenue_minor !== null && s.revenue_month === s.month_start && s.case_status !== 'CHURNED') of(s.currency!).revenue += BigInt(s.revenue_minor);
    }
    const money = (amount: bigint, currency: string) => ({ amountMinor: amount.toString(), currency });
    return {
      compensationByKindAndStatus: [...groups.entries()]
        .sort(([a], [b]) => {
          const [ak, as, ac] = a.split('|');
          const [bk, bs, bc] = b.split('|');
          return Number(ak) - Number(bk) || Number(as) - Number(bs) || ac.localeCompare(bc);
        })
        .map(([, g]) => ({ kind: g.kind, status: g.status, count: g.count, total: money(g.total, g.currency) })),
      byCurrency: [...byCurrency.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, x]) => ({
          currency,
          estimatedLoss: money(x.loss, currency),
          compensationGiven: money(x.given, currency),
          lossRatioBasisPoints: ratio(x.given, x.loss),
          retainedRevenue: money(x.revenue, currency),
          retainedRevenuePerCompensationBasisPoints: ratio(x.revenue, x.given),
        })),
    };
  }

  async recoveryCurve(scope: OracleScope) {
    const cases = await this.cases(scope);
    const ids = cases.map((c) => c.id);
    if (!ids.length) return [];
    const snaps: {
      case_id: string;
      month_index: number;
      month_start: string;
      next_month: string;
      trust_index: number;
      latest_nps: number | null;
      latest_csat: number | null;
      case_status: string;
      revenue_minor: string | null;
      baseline_minor: string | null;
      currency: string | null;
    }[] = await this.ds.query(
      `SELECT *, month_start::text AS month_start, (month_start + interval '1 month')::date::text AS next_month
         FROM case_trust_snapshots WHERE case_id = ANY($1::uuid[])`,
      [ids],
    );
    const commitments: { case_id: string; party: string; status: string; due_on: string; done_on: string | null; overdue: boolean }[] =
      await this.ds.query(
        `SELECT case_id, party, status, due_on::text AS due_on, (status_changed_at AT TIME ZONE 'UTC')::date::text AS done_on,
                due_on < (now() AT TIME ZONE 'UTC')::date AS overdue
           FROM commitments WHERE case_id = ANY($1::uuid[])`,
        [ids],
      );
    const months = [...new Set(snaps.map((s) => s.month_index))].sort((a, b) => a - b);
    return months.map((m) => {
      const rows = snaps.filter((s) => s.month_index === m);
      const nps = netPromoterScore(rows.filter((r) => r.latest_nps !== null).map((r) => r.latest_nps!));
      const csat = rows.filter((r) => r.latest_csat !== null).map((r) => r.latest_csat!);
      const currencies = [...new Set(rows.filter((r) => r.revenue_minor !== null && r.baseline_minor !== null).map((r) => r.currency!))].sort();
      let kept = 0;
      let due = 0;
      for (const r of rows) {
        for (const c of commitments) {
          if (c.case_id !== r.case_id || c.party !== 'OURS' || c.due_on < r.month_start || c.due_on >= r.next_month) continue;
          if (c.status === 'DONE' && c.done_on! <= c.due_on) kept += 1;
          if (c.overdue || c.status === 'DONE') due += 1;
        }
      }
      return {
        monthIndex: m,
        cases: rows.length,
        averageTrustIndex: mean2(rows.map((r) => r.trust_index)),
        nps: { respondents: nps.respondents, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors, score: nps.score },
        averageCsat: csat.length ? mean2(csat) : null,
        revenueVsBaseline: currencies.map((currency) => {
          const these = rows.filter((r) => r.currency === currency && r.revenue_minor !== null && r.baseline_minor !== null);
          const revenue = these.reduce((a, r) => a + BigInt(r.revenue_minor!), 0n);
          const baseline = these.reduce((a, r) => a + BigInt(r.baseline_minor!), 0n);
          return {
            currency,
            revenue: { amountMinor: revenue.toString(), currency },
            baseline: { amountMinor: baseline.toString(), currency },
            shareBasisPoints: ratio(revenue, baseline),
          };
        }),
        retention: share(rows.filter((r) => r.case_status !== 'CHURNED').length, rows.length),
        promiseKept: { kept, due, rate: due ? kept / due : null },
      };
    });
  }

  async timeToRecovery(scope: OracleScope) {
    const cases = await this.cases(scope);
    const snaps: { case_id: string; month_index: number; case_status: string }[] = await this.rowsOf(
      'case_trust_snapshots',
      cases.map((c) => c.id),
    );
    const firsts = cases.map((c) => {
      const recovered = snaps.filter((s) => s.case_id === c.id && s.case_status === 'RECOVERED').map((s) => s.month_index);
      return recovered.length ? Math.min(...recovered) : Infinity;
    });
    firsts.sort((a, b) => a - b);
    const n = cases.length;
    const median = n ? firsts[Math.ceil(n / 2) - 1] : Infinity;
    const by = (m: number) => share(firsts.filter((f) => f <= m).length, n);
    return {
      cases: n,
      medianMonths: Number.isFinite(median) ? median : null,
      recoveredBy3Months: by(3),
      recoveredBy6Months: by(6),
      recoveredBy12Months: by(12),
      recoveredEver: share(firsts.filter((f) => Number.isFinite(f)).length, n),
    };
  }

  async atRisk(scope: OracleScope, first: number) {
    const open = (await this.cases(scope)).filter((c) => c.status !== 'RECOVERED' && c.status !== 'CHURNED');
    const snaps: { case_id: string; month_index: number; trust_index: number; band: string; reasons: unknown[] }[] = await this.rowsOf(
      'case_trust_snapshots',
      open.map((c) => c.id),
    );
    const found = open.flatMap((c) => {
      const mine = snaps.filter((s) => s.case_id === c.id);
      if (!mine.length) return [];
      const latest = mine.reduce((a, b) => (b.month_index > a.month_index ? b : a));
      if (latest.band !== 'AT_RISK') return [];
      return [
        {
          caseId: c.id,
          stakeholderId: c.stakeholder_id,
          stakeholderName: c.stakeholder_name,
          ownerId: c.owner_id,
          status: c.status,
          monthIndex: latest.month_index,
          trustIndex: latest.trust_index,
          band: latest.band,
          reasons: latest.reasons,
        },
      ];
    });
    found.sort((a, b) => a.trustIndex - b.trustIndex || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    return found.slice(0, first);
  }
}
