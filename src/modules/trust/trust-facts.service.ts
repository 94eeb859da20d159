import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStatus } from '../cases/case.enums';
import { CommitmentStatus } from '../commitments/commitment.enums';
import { InteractionDirection, InteractionOutcome } from '../interactions/interaction.enums';
import { SurveyKind } from '../signals/signal.enums';
import { STATUS_CHANGED_AT } from '../cases/case-status-changed-at';
import { caseStatusAt } from './case-status-at';
import { TrustFacts } from './trust-facts';

/**
 * Reads what the trust index of many cases needs, as of one instant, in a fixed number of
 * statements whatever the number of cases. Rows outside the formula's windows may come
 * along; computeTrustIndex applies the cut-offs itself.
 */
@Injectable()
export class TrustFactsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** asOfMonth ('YYYY-MM-01'): the month measured, by default the month asOf falls in. */
  async load(caseIds: readonly string[], asOf: Date, lookbackMonths: number, asOfMonth = `${asOf.toISOString().slice(0, 7)}-01`): Promise<Map<string, TrustFacts>> {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) return new Map();
    const q = <T>(sql: string, params: unknown[]): Promise<T[]> => this.dataSource.query(sql, params);
    const at = asOf.toISOString();
    const [y, m] = asOfMonth.split('-').map(Number);
    const from = new Date(Date.UTC(y, m - lookbackMonths, 1)).toISOString();

    const cases = await q<{
      id: string;
      status: CaseStatus;
      created_at: Date;
      stakeholder_id: string;
      baseline: string | null;
      currency: string | null;
      crisis_month: string;
    }>(
      `SELECT rc.id, rc.status, rc.created_at, rc.stakeholder_id,
              s.baseline_monthly_revenue_minor::text AS baseline, s.baseline_currency AS currency,
              to_char(date_trunc('month', coalesce(c.started_at, c.detected_at) AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS crisis_month
         FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id JOIN crises c ON c.id = rc.crisis_id
        WHERE rc.id = ANY($1::uuid[])`,
      [ids],
    );
    const [changes, surveys, interactions, lastContacts, revenue, commitments, tasks] = await Promise.all([
      q<{ case_id: string; id: string; occurred_at: Date; before: CaseStatus }>(
        `SELECT a.entity_id AS case_id, a.id::text, ${STATUS_CHANGED_AT('a')} AS occurred_at, a.before ->> 'status' AS before
           FROM audit_entries a
          WHERE a.entity_type = 'RECOVERY_CASE' AND a.action = 'CASE_STATUS_CHANGED' AND a.entity_id = ANY($1::uuid[])
            AND ${STATUS_CHANGED_AT('a')} >= $2`,
        [ids, at],
      ),
      // Every response before asOf: the latest scores reach beyond the lookback window.
      q<{ case_id: string; kind: SurveyKind; score: number; responded_at: Date; is_pre_crisis: boolean }>(
        `SELECT case_id, kind, score, responded_at, is_pre_crisis FROM survey_responses WHERE case_id = ANY($1::uuid[]) AND responded_at < $2 AND voided_at IS NULL`,
        [ids, at],
      ),
      q<{ case_id: string; direction: InteractionDirection; outcome: InteractionOutcome; sentiment: number | null; occurred_at: Date }>(
        `SELECT case_id, direction, outcome, sentiment, occurred_at FROM interactions
          WHERE case_id = ANY($1::uuid[]) AND occurred_at < $2 AND occurred_at >= $3 AND voided_at IS NULL`,
        [ids, at, from],
      ),
      q<{ case_id: string; at: Date }>(
        `SELECT case_id, max(occurred_at) AS at FROM interactions
          WHERE case_id = ANY($1::uuid[]) AND occurred_at < $2 AND voided_at IS NULL AND (direction = 'INBOUND' OR outcome IN ('REACHED', 'RESOLVED'))
          GROUP BY case_id`,
        [ids, at],
      ),
      q<{ stakeholder_id: string; month: string; amount_minor: string; currency: string }>(
        `SELECT stakeholder_id, to_char(month, 'YYYY-MM-DD') AS month, amount_minor::text, currency FROM stakeholder_revenue_months
          WHERE stakeholder_id = ANY($1::uuid[]) AND month BETWEEN ($2::date - interval '2 months')::date AND $2::date`,
        [[...new Set(cases.map((c) => c.stakeholder_id))], asOfMonth],
      ),
      q<{ case_id: string; status: CommitmentStatus; due_on: string; status_changed_at: Date | null; created_at: Date }>(
        `SELECT case_id, status, to_char(due_on, 'YYYY-MM-DD') AS due_on, status_changed_at, created_at FROM commitments
          WHERE case_id = ANY($1::uuid[]) AND party = 'OURS' AND created_at < $2`,
        [ids, at],
      ),
      q<{ case_id: string; due_at: Date; completed_at: Date | null; created_at: Date }>(
        `SELECT case_id, due_at, completed_at, created_at FROM outreach_tasks
          WHERE case_id = ANY($1::uuid[]) AND due_at < $2 AND (completed_at IS NULL OR completed_at >= $2)`,
        [ids, at],
      ),
    ]);

    const group = <T extends { case_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.case_id, [...(map.get(r.case_id) ?? []), r]);
      return (id: string) => map.get(id) ?? [];
    };
    const changesOf = group(changes);
    const surveysOf = group(surveys);
    const interactionsOf = group(interactions);
    const commitmentsOf = group(commitments);
    const tasksOf = group(tasks);
    const lastContact = new Map(lastContacts.map((r) => [r.case_id, r.at]));

    return new Map(
      cases.map((c) => {
        const contact = lastContact.get(c.id);
        const facts: TrustFacts = {
          asOf,
          asOfMonth,
          crisisMonth: c.crisis_month,
          status: caseStatusAt(c.status, changesOf(c.id).map((x) => ({ id: BigInt(x.id), occurredAt: x.occurred_at, before: x.before })), asOf),
          caseCreatedAt: c.created_at,
          surveys: surveysOf(c.id).map((s) => ({ kind: s.kind, score: s.score, respondedAt: s.responded_at, isPreCrisis: s.is_pre_crisis })),
          interactions: [
            ...interactionsOf(c.id).map((i) => ({ direction: i.direction, outcome: i.outcome, sentiment: i.sentiment, occurredAt: i.occurred_at })),
            // The last contact, which may be older than the lookback months: an inbound row
            // without sentiment counts for "no contact" only.
            ...(contact ? [{ direction: InteractionDirection.INBOUND, outcome: InteractionOutcome.REACHED, sentiment: null, occurredAt: contact }] : []),
          ],
          revenue: revenue
            .filter((r) => r.stakeholder_id === c.stakeholder_id)
            .map((r) => ({ month: r.month, amountMinor: BigInt(r.amount_minor), currency: r.currency.trim() })),
          baseline: c.baseline !== null && c.currency ? { amountMinor: BigInt(c.baseline), currency: c.currency.trim() } : null,
          commitments: commitmentsOf(c.id).map((x) => ({ status: x.status, dueOn: x.due_on, statusChangedAt: x.status_changed_at, createdAt: x.created_at })),
          outreachTasks: tasksOf(c.id).map((t) => ({ dueAt: t.due_at, completedAt: t.completed_at, createdAt: t.created_at })),
        };
        return [c.id, facts];
      }),
    );
  }
}
