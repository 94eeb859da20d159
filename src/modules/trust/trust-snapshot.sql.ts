/**
 * The trust index of README "The trust index", set-based: one INSERT … SELECT … ON CONFLICT
 * over every (case, month) of a batch. It implements the same formula as computeTrustIndex
 * (trust-index.ts), with the same integer arithmetic, so both give the same numbers; the
 * trust e2e test compares them on generated data.
 *
 * $1 timestamptz  the run's "now": the current month is measured at $1, past months at
 *                 the start of the next month
 * $2 uuid | null  only this crisis
 * $3 date | null  only months starting on or after this date (the nightly refresh)
 * $4 uuid | null  cases with id >= $4 (batch lower bound)
 * $5 uuid | null  cases with id <  $5 (batch upper bound)
 *
 * Returns one row: { written } (the snapshots inserted or updated).
 */

/** Whole days between a signal and the as-of instant, as the TypeScript computes them (floor). */
const AGE_DAYS = (column: string) => `floor((extract(epoch FROM m.as_of) - extract(epoch FROM ${column})) / 86400)::int`;
/** Recency weight 1,000 × H / (H + age), truncated (integer division). */
const WEIGHT = (column: string) => `(1000 * s.recency_half_life_days) / (s.recency_half_life_days + ${AGE_DAYS(column)})`;
const IN_WINDOW = (column: string) =>
  `${column} < m.as_of AND ${column} >= m.as_of - make_interval(hours => 24 * s.lookback_days)`;
/** numerator / denominator in basis points, rounded half up (both non-negative integers). */
const BP = (n: string, d: string) => `CASE WHEN (${d}) > 0 THEN div(20000 * (${n})::numeric + (${d}), 2 * (${d})::numeric)::int END`;
/** Index points a component costs: its weight's share of what it lacks, rounded half up. */
const LOST = (weight: string, bp: string) =>
  `CASE WHEN ${bp} IS NULL OR c.w_sum = 0 THEN 0 ELSE (2 * ${weight} * (10000 - ${bp}) + 100 * c.w_sum) / (200 * c.w_sum) END`;
const PCT = (bp: string) => `((2 * ${bp} + 100) / 200)`;

export const TRUST_SNAPSHOT_SQL = `
WITH s AS (SELECT * FROM trust_settings LIMIT 1),
months AS MATERIALIZED (
  SELECT rc.id AS case_id, rc.crisis_id, rc.stakeholder_id, rc.status AS current_status, rc.created_at AS case_created_at,
         g.month_index, g.month_start,
         least((g.month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC', $1::timestamptz) AS as_of
    FROM recovery_cases rc
    JOIN crises cr ON cr.id = rc.crisis_id
    CROSS JOIN LATERAL (
      SELECT date_trunc('month', coalesce(cr.started_at, cr.detected_at) AT TIME ZONE 'UTC')::date AS first_month
    ) f
    CROSS JOIN LATERAL (
      SELECT i::smallint AS month_index, (f.first_month + make_interval(months => i))::date AS month_start
        FROM generate_series(0,
               ((extract(year FROM $1::timestamptz AT TIME ZONE 'UTC') - extract(year FROM f.first_month)) * 12
                + extract(month FROM $1::timestamptz AT TIME ZONE 'UTC') - extract(month FROM f.first_month))::int) i
    ) g
   WHERE ($2::uuid IS NULL OR rc.crisis_id = $2::uuid)
     AND ($3::date IS NULL OR g.month_start >= $3::date)
     AND ($4::uuid IS NULL OR rc.id >= $4::uuid)
     AND ($5::uuid IS NULL OR rc.id < $5::uuid)
),
surveys AS (
  SELECT m.case_id, m.month_index,
         sum(w.w) FILTER (WHERE r.kind = 'TRUST') AS trust_w,
         sum(w.w * (r.score - 1)) FILTER (WHERE r.kind = 'TRUST') AS trust_n,
         sum(w.w) FILTER (WHERE r.kind = 'NPS') AS nps_w,
         sum(w.w * CASE WHEN r.score >= 9 THEN 2 WHEN r.score >= 7 THEN 1 ELSE 0 END) FILTER (WHERE r.kind = 'NPS') AS nps_n
    FROM months m CROSS JOIN s
    JOIN survey_responses r ON r.case_id = m.case_id AND NOT r.is_pre_crisis AND r.kind IN ('TRUST', 'NPS')
     AND ${IN_WINDOW('r.responded_at')}
    CROSS JOIN LATERAL (SELECT ${WEIGHT('r.responded_at')} AS w) w
   GROUP BY m.case_id, m.month_index
),
latest AS (
  SELECT case_id, month_index,
         max(score) FILTER (WHERE kind = 'NPS' AND NOT is_pre_crisis) AS latest_nps,
         max(score) FILTER (WHERE kind = 'CSAT' AND NOT is_pre_crisis) AS latest_csat,
         max(score) FILTER (WHERE kind = 'TRUST' AND NOT is_pre_crisis) AS latest_trust,
         max(score) FILTER (WHERE kind = 'NPS' AND is_pre_crisis) AS pre_crisis_nps,
         max(score) FILTER (WHERE kind = 'CSAT' AND is_pre_crisis) AS pre_crisis_csat,
         max(score) FILTER (WHERE kind = 'TRUST' AND is_pre_crisis) AS pre_crisis_trust
    FROM (
      SELECT DISTINCT ON (m.case_id, m.month_index, r.kind, r.is_pre_crisis)
             m.case_id, m.month_index, r.kind, r.is_pre_crisis, r.score
        FROM months m
        JOIN survey_responses r ON r.case_id = m.case_id AND r.responded_at < m.as_of
       ORDER BY m.case_id, m.month_index, r.kind, r.is_pre_crisis, r.responded_at DESC, r.score ASC
    ) l
   GROUP BY case_id, month_index
),
contacts AS (
  SELECT m.case_id, m.month_index,
         sum(w.w) FILTER (WHERE i.sentiment IS NOT NULL AND ${IN_WINDOW('i.occurred_at')}) AS sentiment_w,
         sum(w.w * (i.sentiment + 2)) FILTER (WHERE i.sentiment IS NOT NULL AND ${IN_WINDOW('i.occurred_at')}) AS sentiment_n,
         sum(w.w) FILTER (WHERE i.direction = 'OUTBOUND' AND ${IN_WINDOW('i.occurred_at')}) AS reach_w,
         sum(w.w) FILTER (WHERE i.direction = 'OUTBOUND' AND i.outcome IN ('REACHED', 'RESOLVED') AND ${IN_WINDOW('i.occurred_at')}) AS reach_n,
         max(i.occurred_at) FILTER (WHERE i.direction = 'INBOUND' OR i.outcome IN ('REACHED', 'RESOLVED')) AS last_contact_at
    FROM months m CROSS JOIN s
    JOIN interactions i ON i.case_id = m.case_id AND i.occurred_at < m.as_of
    CROSS JOIN LATERAL (SELECT ${WEIGHT('i.occurred_at')} AS w) w
   GROUP BY m.case_id, m.month_index
),
revenue AS (
  SELECT DISTINCT ON (m.case_id, m.month_index)
         m.case_id, m.month_index, rm.month AS revenue_month, rm.amount_minor
    FROM months m
    JOIN stakeholders st ON st.id = m.stakeholder_id
    JOIN stakeholder_revenue_months rm ON rm.stakeholder_id = m.stakeholder_id AND rm.currency = st.baseline_currency
     AND rm.month::timestamp AT TIME ZONE 'UTC' < m.as_of
     AND (rm.month + interval '3 months')::timestamp AT TIME ZONE 'UTC' >= m.as_of
   ORDER BY m.case_id, m.month_index, rm.month DESC
),
promises AS (
  SELECT m.case_id, m.month_index,
         count(*) FILTER (WHERE p.due_on < (m.as_of AT TIME ZONE 'UTC')::date OR p.done) AS due,
         count(*) FILTER (WHERE p.done AND (p.status_changed_at AT TIME ZONE 'UTC')::date <= p.due_on) AS kept,
         count(*) FILTER (WHERE p.due_on < (m.as_of AT TIME ZONE 'UTC')::date AND NOT p.resolved) AS overdue
    FROM months m
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
    FROM months m
    JOIN outreach_tasks t ON t.case_id = m.case_id AND t.created_at < m.as_of AND t.due_at < m.as_of
     AND (t.completed_at IS NULL OR t.completed_at >= m.as_of)
   GROUP BY m.case_id, m.month_index
),
statuses AS (
  SELECT DISTINCT ON (m.case_id, m.month_index) m.case_id, m.month_index, (a.before ->> 'status')::case_status AS status
    FROM months m
    JOIN audit_entries a ON a.entity_id = m.case_id AND a.entity_type = 'RECOVERY_CASE'
     AND a.action = 'CASE_STATUS_CHANGED' AND a.occurred_at >= m.as_of
   ORDER BY m.case_id, m.month_index, a.occurred_at, a.id
),
components AS (
  SELECT m.*, st.baseline_monthly_revenue_minor AS baseline_minor, st.baseline_currency AS currency,
         rv.revenue_month, rv.amount_minor AS revenue_minor,
         coalesce(sa.status, m.current_status) AS status,
         l.latest_nps, l.latest_csat, l.latest_trust, l.pre_crisis_nps, l.pre_crisis_csat, l.pre_crisis_trust,
         coalesce(pr.kept, 0)::int AS kept, coalesce(pr.due, 0)::int AS due,
         (coalesce(pr.overdue, 0) + coalesce(tk.overdue, 0))::int AS overdue_items,
         floor((extract(epoch FROM m.as_of)
                - extract(epoch FROM greatest(m.case_created_at, coalesce(ct.last_contact_at, m.case_created_at)))) / 86400)::int
           AS days_since_contact,
         ${BP('sv.trust_n', '4 * sv.trust_w')} AS bp_survey_trust,
         ${BP('sv.nps_n', '2 * sv.nps_w')} AS bp_nps,
         ${BP('ct.sentiment_n', '4 * ct.sentiment_w')} AS bp_sentiment,
         ${BP('coalesce(ct.reach_n, 0)', 'ct.reach_w')} AS bp_responsiveness,
         CASE WHEN st.baseline_monthly_revenue_minor > 0 AND rv.amount_minor IS NOT NULL
              THEN ${BP('least(rv.amount_minor, st.baseline_monthly_revenue_minor)', 'st.baseline_monthly_revenue_minor')} END AS bp_revenue,
         ${BP('pr.kept', 'pr.due')} AS bp_promises
    FROM months m
    JOIN stakeholders st ON st.id = m.stakeholder_id
    LEFT JOIN surveys sv USING (case_id, month_index)
    LEFT JOIN latest l USING (case_id, month_index)
    LEFT JOIN contacts ct USING (case_id, month_index)
    LEFT JOIN revenue rv USING (case_id, month_index)
    LEFT JOIN promises pr USING (case_id, month_index)
    LEFT JOIN tasks tk USING (case_id, month_index)
    LEFT JOIN statuses sa USING (case_id, month_index)
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
),
scored AS (
  SELECT c.*,
         CASE WHEN c.status = 'CHURNED' THEN 0
              ELSE greatest(0, CASE WHEN c.w_sum > 0 THEN (2 * c.w_bp + 100 * c.w_sum) / (200 * c.w_sum) ELSE 0 END - c.penalty_points)
         END AS trust_index
    FROM weighed c
),
written AS (
INSERT INTO case_trust_snapshots (
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
            ELSE (
              SELECT coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'message', r.message, 'points', r.points)
                                        ORDER BY r.points DESC, r.ord), '[]'::jsonb)
                FROM (
                  SELECT * FROM (VALUES
                    (1, 'NO_SIGNALS', 'no trust signals yet', 100, c.w_sum = 0 AND c.bp_survey_trust IS NULL AND c.bp_nps IS NULL
                       AND c.bp_sentiment IS NULL AND c.bp_responsiveness IS NULL AND c.bp_revenue IS NULL AND c.bp_promises IS NULL),
                    (2, 'NO_CONTACT', format('no contact in %s days', c.days_since_contact),
                       ${LOST('s.weight_responsiveness', 'c.bp_responsiveness')}, c.days_since_contact >= s.no_contact_days),
                    (3, 'NPS_DETRACTOR', format('NPS detractor (latest score %s)', c.latest_nps),
                       ${LOST('s.weight_nps', 'c.bp_nps')}, c.bp_nps IS NOT NULL AND c.latest_nps <= 6),
                    (4, 'LOW_SURVEY_TRUST', format('survey trust at %s%%', ${PCT('c.bp_survey_trust')}),
                       ${LOST('s.weight_survey_trust', 'c.bp_survey_trust')}, c.bp_survey_trust < 6000),
                    (5, 'LOW_REVENUE', format('revenue at %s%% of baseline', ${PCT('c.bp_revenue')}),
                       ${LOST('s.weight_revenue', 'c.bp_revenue')}, c.bp_revenue < 8000),
                    (6, 'NEGATIVE_SENTIMENT', 'negative sentiment in recent interactions',
                       ${LOST('s.weight_sentiment', 'c.bp_sentiment')}, c.bp_sentiment < 5000),
                    (7, 'LOW_RESPONSIVENESS', format('only %s%% of outreach reached someone', ${PCT('c.bp_responsiveness')}),
                       ${LOST('s.weight_responsiveness', 'c.bp_responsiveness')},
                       c.days_since_contact < s.no_contact_days AND c.bp_responsiveness < 5000),
                    (8, 'PROMISES_BROKEN', format('%s of %s promises kept', c.kept, c.due),
                       ${LOST('s.weight_promises', 'c.bp_promises')}, c.bp_promises < 8000),
                    (9, 'OVERDUE_ITEMS', format('%s overdue item%s', c.overdue_items, CASE WHEN c.overdue_items = 1 THEN '' ELSE 's' END),
                       c.penalty_points, c.overdue_items > 0)
                  ) v(ord, code, message, points, applies)
                  WHERE v.applies
                  ORDER BY v.points DESC, v.ord
                  LIMIT 3
                ) r)
       END,
       c.latest_nps, c.latest_csat, c.latest_trust, c.pre_crisis_nps, c.pre_crisis_csat, c.pre_crisis_trust,
       c.revenue_month, c.revenue_minor, c.baseline_minor,
       CASE WHEN c.revenue_minor IS NOT NULL OR c.baseline_minor IS NOT NULL THEN c.currency END,
       c.status, now()
  FROM scored c CROSS JOIN s
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
RETURNING 1
)
SELECT count(*)::int AS written FROM written`;
