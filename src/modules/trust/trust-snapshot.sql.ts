import { STATUS_CHANGED_AT } from '../cases/case-status-changed-at';

/**
 * The trust index of README "The trust index", set-based: one INSERT … SELECT … ON CONFLICT
 * over every (case, month) of a batch of cases. It implements the same formula as
 * computeTrustIndex (trust-index.ts), with the same integer arithmetic, so both give the same
 * numbers; the trust-snapshots e2e test compares them on generated data.
 *
 * Cheap at scale because nothing joins a signal to every month after it: signals are summed
 * per case and calendar month once, laid on a dense grid of (case, month) rows, and the
 * lookback months are sliding window sums over that grid (recent months counted
 * recentWeight times: the sum over all lookback months plus (recentWeight - 1) times the
 * sum over the recent ones). Latest scores and the last contact are running maxima.
 *
 * $1 timestamptz  the run's "now": the current month is measured at $1, past months at
 *                 the start of the next month; no signal at or after $1 counts
 * $2 uuid | null  only this crisis
 * $3 date | null  only months starting on or after this date (the nightly refresh)
 * $4 uuid | null  cases with id >= $4 (batch lower bound)
 * $5 uuid | null  cases with id <  $5 (batch upper bound)
 * $6 int          lookback_months - 1, $7 int recent_months - 1 (window frames take no column)
 *
 * Returns one row: { written } (the snapshots inserted or changed; identical ones are left alone).
 */

/** A crisis's month 0: the calendar month (UTC) it started in, or was detected in. Snapshots count their months from it. */
export const CRISIS_MONTH_ZERO = (crisis: string) => `date_trunc('month', coalesce(${crisis}.started_at, ${crisis}.detected_at) AT TIME ZONE 'UTC')::date`;

/** Calendar months from the month of `from` to the month of `to` (dates or UTC timestamps). */
export const MONTHS_AFTER = (from: string, to: string) =>
  `((extract(year FROM ${to}) - extract(year FROM ${from})) * 12 + extract(month FROM ${to}) - extract(month FROM ${from}))::int`;

/** Calendar month of a timestamp, counted from the case's crisis month (month 0). */
const MONTH_OF = (t: string) =>
  `((extract(year FROM ${t} AT TIME ZONE 'UTC') * 12 + extract(month FROM ${t} AT TIME ZONE 'UTC'))::int - c.first_month_number)`;
/**
 * The batch's id range on a signal table's case_id too, besides the join to the batch's cases:
 * the planner then reads the range from the (case_id, …) index instead of hashing the whole table.
 */
const IN_BATCH = (caseId: string) => `($4::uuid IS NULL OR ${caseId} >= $4::uuid) AND ($5::uuid IS NULL OR ${caseId} < $5::uuid)`;
/** numerator / denominator in basis points, rounded half up (both non-negative integers). */
const BP = (n: string, d: string) => `CASE WHEN (${d}) > 0 THEN div(20000 * (${n})::numeric + (${d}), 2 * (${d})::numeric)::int END`;
/** Index points a component costs: its weight's share of what it lacks, rounded half up. */
const LOST = (weight: string, bp: string) =>
  `CASE WHEN ${bp} IS NULL OR c.w_sum = 0 THEN 0 ELSE ((2 * ${weight} * (10000 - ${bp}) + 100 * c.w_sum) / (200 * c.w_sum))::int END`;
const PCT = (bp: string) => `((2 * ${bp} + 100) / 200)`;
/** Lookback sum with recent months counted recent_weight times. */
const RECENT = (col: string) => `(sum(${col}) OVER lookback + (s.recent_weight - 1) * coalesce(sum(${col}) OVER recent, 0))`;
/** Latest first; among answers at the same instant the lowest score. */
const LATEST_KEY = (filter: string) => `max(ARRAY[extract(epoch FROM r.responded_at), -r.score]) FILTER (WHERE ${filter})`;

/*
 * Each stage below ends in OFFSET 0, which keeps PostgreSQL from inlining it into the next:
 * a column used many times (a component, a reason key) is then computed once per row
 * instead of once per use, which would multiply the work with every stage.
 */

/**
 * The reasons, in code order (ties go to the earlier code), with when each applies, its
 * points and its message. The top three by points are picked with plain expressions
 * (unique sort keys points * 16 + (15 - order)), not a subquery per row.
 */
const REASONS: { code: string; applies: string; points: string; message: string }[] = [
  {
    code: 'NO_SIGNALS',
    applies: `c.bp_survey_trust IS NULL AND c.bp_nps IS NULL AND c.bp_sentiment IS NULL AND c.bp_responsiveness IS NULL
              AND c.bp_revenue IS NULL AND c.bp_promises IS NULL`,
    points: '100',
    message: `'no trust signals yet'`,
  },
  {
    code: 'NO_CONTACT',
    applies: 'c.days_since_contact >= s.no_contact_days',
    points: LOST('s.weight_responsiveness', 'c.bp_responsiveness'),
    message: `format('no contact in %s days', c.days_since_contact)`,
  },
  {
    code: 'NPS_DETRACTOR',
    applies: 'c.bp_nps IS NOT NULL AND c.latest_nps <= 6',
    points: LOST('s.weight_nps', 'c.bp_nps'),
    message: `format('NPS detractor (latest score %s)', c.latest_nps)`,
  },
  {
    code: 'LOW_SURVEY_TRUST',
    applies: 'c.bp_survey_trust < 6000',
    points: LOST('s.weight_survey_trust', 'c.bp_survey_trust'),
    message: `format('survey trust at %s%%', ${PCT('c.bp_survey_trust')})`,
  },
  {
    code: 'LOW_REVENUE',
    applies: 'c.bp_revenue < 8000',
    points: LOST('s.weight_revenue', 'c.bp_revenue'),
    message: `format('revenue at %s%% of baseline', ${PCT('c.bp_revenue')})`,
  },
  {
    code: 'NEGATIVE_SENTIMENT',
    applies: 'c.bp_sentiment < 5000',
    points: LOST('s.weight_sentiment', 'c.bp_sentiment'),
    message: `'negative sentiment in recent interactions'`,
  },
  {
    code: 'LOW_RESPONSIVENESS',
    applies: 'c.days_since_contact < s.no_contact_days AND c.bp_responsiveness < 5000',
    points: LOST('s.weight_responsiveness', 'c.bp_responsiveness'),
    message: `format('only %s%% of outreach reached someone', ${PCT('c.bp_responsiveness')})`,
  },
  {
    code: 'PROMISES_BROKEN',
    applies: 'c.bp_promises < 8000',
    points: LOST('s.weight_promises', 'c.bp_promises'),
    message: `format('%s of %s promises kept', c.kept, c.due)`,
  },
  {
    code: 'OVERDUE_ITEMS',
    applies: 'c.overdue_items > 0',
    points: 'c.penalty_points',
    message: `format('%s overdue item%s', c.overdue_items, CASE WHEN c.overdue_items = 1 THEN '' ELSE 's' END)`,
  },
];

const REASON_KEYS = REASONS.map(
  (r, i) => `CASE WHEN coalesce(${r.applies}, false) THEN (${r.points}) * 16 + ${15 - i} ELSE -1 END AS key_${i}`,
).join(',\n         ');
const keys = REASONS.map((_, i) => `c.key_${i}`);
const below = (bound: string) => keys.map((k) => `CASE WHEN ${k} < ${bound} THEN ${k} ELSE -1 END`).join(', ');
const REASON_AT = (key: string) =>
  `CASE ${key} ${REASONS.map(
    (r, i) =>
      `WHEN c.key_${i} THEN jsonb_build_object('code', '${r.code}', 'message', ${r.message}, 'points', c.key_${i} / 16)`,
  ).join(' ')} END`;

export const TRUST_SNAPSHOT_SQL = `
WITH s AS (SELECT * FROM trust_settings LIMIT 1),
cases AS MATERIALIZED (
  SELECT rc.id AS case_id, rc.crisis_id, rc.stakeholder_id, rc.status AS current_status, rc.created_at AS case_created_at,
         st.baseline_monthly_revenue_minor AS baseline_minor, st.baseline_currency AS currency,
         f.first_month, (extract(year FROM f.first_month) * 12 + extract(month FROM f.first_month))::int AS first_month_number,
         ${MONTHS_AFTER('f.first_month', "($1::timestamptz AT TIME ZONE 'UTC')")} AS last_month_index
    FROM recovery_cases rc
    JOIN crises cr ON cr.id = rc.crisis_id
    JOIN stakeholders st ON st.id = rc.stakeholder_id
   CROSS JOIN LATERAL (SELECT ${CRISIS_MONTH_ZERO('cr')} AS first_month) f
   WHERE ($2::uuid IS NULL OR rc.crisis_id = $2::uuid)
     AND ($4::uuid IS NULL OR rc.id >= $4::uuid)
     AND ($5::uuid IS NULL OR rc.id < $5::uuid)
),
-- Months -2 and -1 are there for the revenue fallback and the running maxima only.
grid AS MATERIALIZED (
  SELECT c.case_id, c.crisis_id, c.stakeholder_id, c.current_status, c.case_created_at, c.baseline_minor, c.currency,
         g.month_index, (c.first_month + make_interval(months => g.month_index))::date AS month_start,
         least((c.first_month + make_interval(months => g.month_index + 1))::timestamp AT TIME ZONE 'UTC', $1::timestamptz) AS as_of
    FROM cases c CROSS JOIN LATERAL generate_series(-2, c.last_month_index) g(month_index)
),
survey_months AS (
  SELECT r.case_id, greatest(-2, m.month) AS month_index,
         count(*) FILTER (WHERE r.kind = 'TRUST' AND NOT r.is_pre_crisis AND m.month >= 0) AS trust_c,
         sum(r.score - 1) FILTER (WHERE r.kind = 'TRUST' AND NOT r.is_pre_crisis AND m.month >= 0) AS trust_s,
         count(*) FILTER (WHERE r.kind = 'NPS' AND NOT r.is_pre_crisis AND m.month >= 0) AS nps_c,
         sum(CASE WHEN r.score >= 9 THEN 2 WHEN r.score >= 7 THEN 1 ELSE 0 END) FILTER (WHERE r.kind = 'NPS' AND NOT r.is_pre_crisis AND m.month >= 0) AS nps_s,
         ${LATEST_KEY(`r.kind = 'NPS' AND NOT r.is_pre_crisis`)} AS nps_key,
         ${LATEST_KEY(`r.kind = 'CSAT' AND NOT r.is_pre_crisis`)} AS csat_key,
         ${LATEST_KEY(`r.kind = 'TRUST' AND NOT r.is_pre_crisis`)} AS trust_key,
         ${LATEST_KEY(`r.kind = 'NPS' AND r.is_pre_crisis`)} AS pre_nps_key,
         ${LATEST_KEY(`r.kind = 'CSAT' AND r.is_pre_crisis`)} AS pre_csat_key,
         ${LATEST_KEY(`r.kind = 'TRUST' AND r.is_pre_crisis`)} AS pre_trust_key
    FROM survey_responses r
    JOIN cases c ON c.case_id = r.case_id
   CROSS JOIN LATERAL (SELECT ${MONTH_OF('r.responded_at')} AS month) m
   WHERE r.responded_at < $1::timestamptz AND r.voided_at IS NULL AND ${IN_BATCH('r.case_id')}
   GROUP BY 1, 2
),
-- The batch's stakeholders' months only, by their primary key: hashing the whole table took longer than the rest of the batch.
revenue_months AS (
  SELECT rm.stakeholder_id, rm.month, rm.currency, rm.amount_minor FROM stakeholder_revenue_months rm
   WHERE rm.stakeholder_id IN (SELECT c.stakeholder_id FROM cases c)
),
interaction_months AS (
  SELECT i.case_id, greatest(-2, m.month) AS month_index,
         count(i.sentiment) FILTER (WHERE m.month >= 0) AS sentiment_c,
         sum(i.sentiment + 2) FILTER (WHERE m.month >= 0) AS sentiment_s,
         count(*) FILTER (WHERE i.direction = 'OUTBOUND' AND m.month >= 0) AS reach_c,
         count(*) FILTER (WHERE i.direction = 'OUTBOUND' AND i.outcome IN ('REACHED', 'RESOLVED') AND m.month >= 0) AS reach_s,
         max(i.occurred_at) FILTER (WHERE i.direction = 'INBOUND' OR i.outcome IN ('REACHED', 'RESOLVED')) AS last_contact_at
    FROM interactions i
    JOIN cases c ON c.case_id = i.case_id
   CROSS JOIN LATERAL (SELECT ${MONTH_OF('i.occurred_at')} AS month) m
   WHERE i.occurred_at < $1::timestamptz AND i.voided_at IS NULL AND ${IN_BATCH('i.case_id')}
   GROUP BY 1, 2
),
dense AS (
  SELECT g.*, sv.trust_c, sv.trust_s, sv.nps_c, sv.nps_s, sv.nps_key, sv.csat_key, sv.trust_key, sv.pre_nps_key, sv.pre_csat_key,
         sv.pre_trust_key, im.sentiment_c, im.sentiment_s, im.reach_c, im.reach_s, im.last_contact_at,
         rm.amount_minor AS revenue_amount, CASE WHEN rm.amount_minor IS NOT NULL THEN g.month_start END AS revenue_of
    FROM grid g
    LEFT JOIN survey_months sv ON sv.case_id = g.case_id AND sv.month_index = g.month_index
    LEFT JOIN interaction_months im ON im.case_id = g.case_id AND im.month_index = g.month_index
    LEFT JOIN revenue_months rm ON rm.stakeholder_id = g.stakeholder_id AND rm.month = g.month_start AND rm.currency = g.currency
),
windowed AS (
  SELECT d.case_id, d.crisis_id, d.stakeholder_id, d.current_status, d.case_created_at, d.baseline_minor, d.currency,
         d.month_index, d.month_start, d.as_of,
         ${RECENT('d.trust_c')} AS trust_w, ${RECENT('d.trust_s')} AS trust_n,
         ${RECENT('d.nps_c')} AS nps_w, ${RECENT('d.nps_s')} AS nps_n,
         ${RECENT('d.sentiment_c')} AS sentiment_w, ${RECENT('d.sentiment_s')} AS sentiment_n,
         ${RECENT('d.reach_c')} AS reach_w, ${RECENT('d.reach_s')} AS reach_n,
         max(d.nps_key) OVER running AS nps_key, max(d.csat_key) OVER running AS csat_key, max(d.trust_key) OVER running AS trust_key,
         max(d.pre_nps_key) OVER running AS pre_nps_key, max(d.pre_csat_key) OVER running AS pre_csat_key,
         max(d.pre_trust_key) OVER running AS pre_trust_key,
         max(d.last_contact_at) OVER running AS last_contact_at,
         coalesce(d.revenue_of, lag(d.revenue_of, 1) OVER months, lag(d.revenue_of, 2) OVER months) AS revenue_month,
         coalesce(d.revenue_amount, CASE WHEN lag(d.revenue_of, 1) OVER months IS NOT NULL THEN lag(d.revenue_amount, 1) OVER months END,
                  lag(d.revenue_amount, 2) OVER months) AS revenue_minor
    FROM dense d CROSS JOIN s
  WINDOW months AS (PARTITION BY d.case_id ORDER BY d.month_index),
         running AS (PARTITION BY d.case_id ORDER BY d.month_index ROWS UNBOUNDED PRECEDING),
         lookback AS (PARTITION BY d.case_id ORDER BY d.month_index ROWS BETWEEN $6::int PRECEDING AND CURRENT ROW),
         recent AS (PARTITION BY d.case_id ORDER BY d.month_index ROWS BETWEEN $7::int PRECEDING AND CURRENT ROW)
),
measured AS MATERIALIZED (
  SELECT w.* FROM windowed w WHERE w.month_index >= 0 AND ($3::date IS NULL OR w.month_start >= $3::date)
),
promises AS (
  SELECT m.case_id, m.month_index,
         count(*) FILTER (WHERE p.due_on < (m.as_of AT TIME ZONE 'UTC')::date OR p.done) AS due,
         count(*) FILTER (WHERE p.done AND (p.status_changed_at AT TIME ZONE 'UTC')::date <= p.due_on) AS kept,
         count(*) FILTER (WHERE p.due_on < (m.as_of AT TIME ZONE 'UTC')::date AND NOT p.resolved) AS overdue
    FROM measured m
    JOIN commitments cm ON cm.case_id = m.case_id AND cm.party = 'OURS' AND cm.created_at < m.as_of
   CROSS JOIN LATERAL (
      SELECT cm.due_on, cm.status_changed_at,
             (cm.status <> 'OPEN' AND cm.status_changed_at < m.as_of) AS resolved,
             (cm.status = 'DONE' AND cm.status_changed_at < m.as_of) AS done
   ) p
   GROUP BY m.case_id, m.month_index
),
tasks AS (
  SELECT m.case_id, m.month_index, count(*) AS overdue
    FROM measured m
    JOIN outreach_tasks t ON t.case_id = m.case_id AND t.created_at < m.as_of AND t.due_at < m.as_of
     AND (t.completed_at IS NULL OR t.completed_at >= m.as_of)
   GROUP BY m.case_id, m.month_index
),
statuses AS (
  SELECT DISTINCT ON (m.case_id, m.month_index) m.case_id, m.month_index, (a.before ->> 'status')::case_status AS status
    FROM measured m
    JOIN audit_entries a ON a.entity_id = m.case_id AND a.entity_type = 'RECOVERY_CASE'
     AND a.action = 'CASE_STATUS_CHANGED' AND ${STATUS_CHANGED_AT('a')} >= m.as_of
   ORDER BY m.case_id, m.month_index, ${STATUS_CHANGED_AT('a')}, a.id
),
components AS (
  SELECT m.case_id, m.crisis_id, m.stakeholder_id, m.month_index, m.month_start, m.as_of, m.baseline_minor, m.currency,
         m.revenue_month, m.revenue_minor,
         coalesce(sa.status, m.current_status) AS status,
         -(m.nps_key[2])::int AS latest_nps, -(m.csat_key[2])::int AS latest_csat, -(m.trust_key[2])::int AS latest_trust,
         -(m.pre_nps_key[2])::int AS pre_crisis_nps, -(m.pre_csat_key[2])::int AS pre_crisis_csat, -(m.pre_trust_key[2])::int AS pre_crisis_trust,
         coalesce(pr.kept, 0)::int AS kept, coalesce(pr.due, 0)::int AS due,
         (coalesce(pr.overdue, 0) + coalesce(tk.overdue, 0))::int AS overdue_items,
         floor((extract(epoch FROM m.as_of)
                - extract(epoch FROM greatest(m.case_created_at, coalesce(m.last_contact_at, m.case_created_at)))) / 86400)::int
           AS days_since_contact,
         ${BP('m.trust_n', '4 * m.trust_w')} AS bp_survey_trust,
         ${BP('m.nps_n', '2 * m.nps_w')} AS bp_nps,
         ${BP('m.sentiment_n', '4 * m.sentiment_w')} AS bp_sentiment,
         ${BP('m.reach_n', 'm.reach_w')} AS bp_responsiveness,
         CASE WHEN m.baseline_minor > 0 AND m.revenue_minor IS NOT NULL
              THEN ${BP('least(m.revenue_minor, m.baseline_minor)', 'm.baseline_minor')} END AS bp_revenue,
         ${BP('pr.kept', 'pr.due')} AS bp_promises
    FROM measured m
    LEFT JOIN promises pr USING (case_id, month_index)
    LEFT JOIN tasks tk USING (case_id, month_index)
    LEFT JOIN statuses sa USING (case_id, month_index)
  OFFSET 0
),
weighed AS (
  SELECT c.*,
         (CASE WHEN c.bp_survey_trust IS NULL THEN 0 ELSE s.weight_survey_trust END
          + CASE WHEN c.bp_nps IS NULL THEN 0 ELSE s.weight_nps END
          + CASE WHEN c.bp_sentiment IS NULL THEN 0 ELSE s.weight_sentiment END
          + CASE WHEN c.bp_responsiveness IS NULL THEN 0 ELSE s.weight_responsiveness END
          + CASE WHEN c.bp_revenue IS NULL THEN 0 ELSE s.weight_revenue END
          + CASE WHEN c.bp_promises IS NULL THEN 0 ELSE s.weight_promises END)::bigint AS w_sum,
         (coalesce(s.weight_survey_trust * c.bp_survey_trust, 0) + coalesce(s.weight_nps * c.bp_nps, 0)
          + coalesce(s.weight_sentiment * c.bp_sentiment, 0) + coalesce(s.weight_responsiveness * c.bp_responsiveness, 0)
          + coalesce(s.weight_revenue * c.bp_revenue, 0) + coalesce(s.weight_promises * c.bp_promises, 0))::bigint AS w_bp,
         least(c.overdue_items * s.overdue_penalty_points, s.overdue_penalty_cap)::int AS penalty_points
    FROM components c CROSS JOIN s
  OFFSET 0
),
scored AS (
  SELECT c.*,
         CASE WHEN c.status = 'CHURNED' THEN 0
              ELSE greatest(0, CASE WHEN c.w_sum > 0 THEN (2 * c.w_bp + 100 * c.w_sum) / (200 * c.w_sum) ELSE 0 END - c.penalty_points)
         END::int AS trust_index
    FROM weighed c
  OFFSET 0
),
keyed AS (
  SELECT c.*,
         ${REASON_KEYS}
    FROM scored c CROSS JOIN s
  OFFSET 0
),
ranked AS (
  SELECT c.*, greatest(${keys.join(', ')}) AS first_key FROM keyed c OFFSET 0
),
ranked2 AS (
  SELECT c.*, greatest(${below('c.first_key')}) AS second_key FROM ranked c OFFSET 0
),
ranked3 AS (
  SELECT c.*, greatest(${below('c.second_key')}) AS third_key FROM ranked2 c OFFSET 0
),
written AS (
INSERT INTO case_trust_snapshots AS t (
  case_id, month_index, crisis_id, stakeholder_id, month_start, as_of, trust_index, band,
  component_survey_trust, component_nps, component_sentiment, component_responsiveness, component_revenue, component_promises,
  overdue_items, penalty_points, weights, reasons,
  latest_nps, latest_csat, latest_trust, pre_crisis_nps, pre_crisis_csat, pre_crisis_trust,
  revenue_month, revenue_minor, baseline_minor, currency, case_status, computed_at)
SELECT c.case_id, c.month_index, c.crisis_id, c.stakeholder_id, c.month_start, c.as_of, c.trust_index,
       (CASE WHEN c.trust_index >= s.recovered_min THEN 'RECOVERED' WHEN c.trust_index >= s.recovering_min THEN 'RECOVERING'
             ELSE 'AT_RISK' END)::trust_band,
       c.bp_survey_trust / 10000.0, c.bp_nps / 10000.0, c.bp_sentiment / 10000.0, c.bp_responsiveness / 10000.0,
       c.bp_revenue / 10000.0, c.bp_promises / 10000.0,
       c.overdue_items, c.penalty_points,
       jsonb_build_object('surveyTrust', s.weight_survey_trust, 'nps', s.weight_nps, 'sentiment', s.weight_sentiment,
                          'responsiveness', s.weight_responsiveness, 'revenue', s.weight_revenue, 'promises', s.weight_promises),
       CASE WHEN c.status = 'CHURNED' THEN '[{"code": "CHURNED", "message": "case churned", "points": 100}]'::jsonb
            WHEN c.first_key < 0 THEN '[]'::jsonb
            WHEN c.second_key < 0 THEN jsonb_build_array(${REASON_AT('c.first_key')})
            WHEN c.third_key < 0 THEN jsonb_build_array(${REASON_AT('c.first_key')}, ${REASON_AT('c.second_key')})
            ELSE jsonb_build_array(${REASON_AT('c.first_key')}, ${REASON_AT('c.second_key')}, ${REASON_AT('c.third_key')})
       END,
       c.latest_nps, c.latest_csat, c.latest_trust, c.pre_crisis_nps, c.pre_crisis_csat, c.pre_crisis_trust,
       c.revenue_month, c.revenue_minor, c.baseline_minor,
       CASE WHEN c.revenue_minor IS NOT NULL OR c.baseline_minor IS NOT NULL THEN c.currency END,
       c.status, $1::timestamptz
  FROM ranked3 c CROSS JOIN s
ON CONFLICT (case_id, month_index) DO UPDATE SET
  crisis_id = EXCLUDED.crisis_id, stakeholder_id = EXCLUDED.stakeholder_id, month_start = EXCLUDED.month_start,
  as_of = EXCLUDED.as_of, trust_index = EXCLUDED.trust_index, band = EXCLUDED.band,
  component_survey_trust = EXCLUDED.component_survey_trust, component_nps = EXCLUDED.component_nps,
  component_sentiment = EXCLUDED.component_sentiment, component_responsiveness = EXCLUDED.component_responsiveness,
  component_revenue = EXCLUDED.component_revenue, component_promises = EXCLUDED.component_promises,
  overdue_items = EXCLUDED.overdue_items, penalty_points = EXCLUDED.penalty_points, weights = EXCLUDED.weights,
  reasons = EXCLUDED.reasons, latest_nps = EXCLUDED.latest_nps, latest_csat = EXCLUDED.latest_csat,
  latest_trust = EXCLUDED.latest_trust, pre_crisis_nps = EXCLUDED.pre_crisis_nps, pre_crisis_csat = EXCLUDED.pre_crisis_csat,
  pre_crisis_trust = EXCLUDED.pre_crisis_trust, revenue_month = EXCLUDED.revenue_month, revenue_minor = EXCLUDED.revenue_minor,
  baseline_minor = EXCLUDED.baseline_minor, currency = EXCLUDED.currency, case_status = EXCLUDED.case_status,
  computed_at = EXCLUDED.computed_at
-- A rerun leaves identical rows alone: cheap, and computed_at says when a row last changed.
WHERE (t.crisis_id, t.stakeholder_id, t.month_start, t.as_of, t.trust_index, t.band, t.component_survey_trust, t.component_nps,
       t.component_sentiment, t.component_responsiveness, t.component_revenue, t.component_promises, t.overdue_items,
       t.penalty_points, t.weights, t.reasons, t.latest_nps, t.latest_csat, t.latest_trust, t.pre_crisis_nps, t.pre_crisis_csat,
       t.pre_crisis_trust, t.revenue_month, t.revenue_minor, t.baseline_minor, t.currency, t.case_status)
  IS DISTINCT FROM
      (EXCLUDED.crisis_id, EXCLUDED.stakeholder_id, EXCLUDED.month_start, EXCLUDED.as_of, EXCLUDED.trust_index, EXCLUDED.band,
       EXCLUDED.component_survey_trust, EXCLUDED.component_nps, EXCLUDED.component_sentiment, EXCLUDED.component_responsiveness,
       EXCLUDED.component_revenue, EXCLUDED.component_promises, EXCLUDED.overdue_items, EXCLUDED.penalty_points, EXCLUDED.weights,
       EXCLUDED.reasons, EXCLUDED.latest_nps, EXCLUDED.latest_csat, EXCLUDED.latest_trust, EXCLUDED.pre_crisis_nps,
       EXCLUDED.pre_crisis_csat, EXCLUDED.pre_crisis_trust, EXCLUDED.revenue_month, EXCLUDED.revenue_minor,
       EXCLUDED.baseline_minor, EXCLUDED.currency, EXCLUDED.case_status)
RETURNING 1
)
SELECT count(*)::int AS written FROM written`;
