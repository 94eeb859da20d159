import { EntityManager } from 'typeorm';

/**
 * Trust signals for the demo cases, so the recovery dashboards have curves on first start (the
 * snapshots are then computed by the snapshot job's service). All set-based: one INSERT … SELECT
 * per kind of signal. setseed makes random() repeat from load to load.
 *
 * Each case gets a "grit" (0–1) that follows where it ended up: how fast it recovers. Scores are
 * high before the crisis, drop deep in the crisis month and climb by grit each month (so NPS goes
 * from detractors to promoters for the cases that recovered); churned cases stay low; revenue
 * dips after the crisis and comes back towards baseline, to nothing for churned cases.
 */
const SIGNALS_SQL = `
CREATE TEMP TABLE demo_trust_cases ON COMMIT DROP AS
SELECT rc.id, rc.stakeholder_id, rc.owner_id, rc.status, rc.created_at, s.do_not_contact,
       coalesce(c.started_at, c.detected_at) AS crisis_start,
       (SELECT ct.id FROM contacts ct WHERE ct.stakeholder_id = rc.stakeholder_id ORDER BY ct.id LIMIT 1) AS contact_id,
       CASE rc.status WHEN 'RECOVERED' THEN 0.75 + 0.25 * random()
                      WHEN 'RECOVERING' THEN 0.45 + 0.35 * random()
                      WHEN 'COMPENSATING' THEN 0.25 + 0.3 * random()
                      ELSE 0.1 + 0.3 * random() END AS grit
  FROM recovery_cases rc JOIN crises c ON c.id = rc.crisis_id JOIN stakeholders s ON s.id = rc.stakeholder_id`;

const SURVEYS_SQL = `
INSERT INTO survey_responses (case_id, stakeholder_id, contact_id, kind, score, responded_at, comment, is_pre_crisis, recorded_by_id)
SELECT id, stakeholder_id, contact_id, kind,
       CASE WHEN kind = 'NPS' THEN least(10, greatest(0, round(10 * level + 2 * noise)))
            ELSE least(5, greatest(1, round(1 + 4 * level + noise))) END,
       responded_at,
       CASE WHEN level < 0.3 AND noise > 0.3 THEN 'Still waiting for a proper fix.' END,
       responded_at < crisis_start, $1
  FROM (
    SELECT d.*, k.kind, d.crisis_start + (m * 30 + 3 + floor(random() * 25)) * interval '1 day' AS responded_at,
           CASE WHEN m < 0 THEN 0.75 + 0.2 * d.grit
                WHEN d.status = 'CHURNED' THEN 0.1
                ELSE least(1, 0.08 + d.grit * 0.2 * m) END AS level,
           random() - 0.5 AS noise, random() AS p, k.probability
      FROM demo_trust_cases d
     CROSS JOIN LATERAL generate_series(-2, (extract(epoch FROM $2::timestamptz - d.crisis_start) / (30 * 86400))::int) m
     CROSS JOIN (VALUES ('TRUST'::survey_kind, 0.6), ('NPS'::survey_kind, 0.5), ('CSAT'::survey_kind, 0.35)) k(kind, probability)
  ) r
 -- Nobody has reached an IDENTIFIED case, so nobody has answered a survey on it since the crisis.
 WHERE p < probability AND responded_at < $2::timestamptz AND (responded_at < crisis_start OR status <> 'IDENTIFIED')`;

const INTERACTIONS_SQL = `
INSERT INTO interactions (case_id, contact_id, channel, direction, occurred_at, actor_id, summary, outcome, sentiment)
SELECT id, contact_id, channel, 'OUTBOUND', occurred_at, owner_id, summary, outcome, sentiment
  FROM (
    SELECT d.*, (ARRAY['PHONE', 'EMAIL', 'VIDEO']::contact_channel[])[1 + floor(random() * 3)::int] AS channel,
           greatest(d.created_at, d.crisis_start) + (w * 9 + 1 + random() * 6) * interval '1 day' AS occurred_at,
           CASE WHEN random() < 0.3 + 0.65 * d.grit * least(1, w / 10.0) THEN 'REACHED' ELSE 'NO_ANSWER' END::interaction_outcome AS outcome,
           least(2, greatest(-2, round(-1.5 + d.grit * 3.5 * least(1, w / 12.0) + random() - 0.5)))::smallint AS sentiment,
           'Follow-up on the replacement and the credit note.' AS summary
      FROM demo_trust_cases d
     CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM $1::timestamptz - greatest(d.created_at, d.crisis_start)) / (9 * 86400))::int) w
     WHERE d.status <> 'IDENTIFIED' AND NOT d.do_not_contact AND random() < 0.7
  ) i
 WHERE occurred_at < $1::timestamptz`;

const REVENUE_SQL = `
INSERT INTO stakeholder_revenue_months (stakeholder_id, month, amount_minor, currency, recorded_by_id)
SELECT st.id, m.month,
       round(st.baseline_monthly_revenue_minor * CASE
         WHEN m.month < date_trunc('month', d.crisis_start) THEN 0.95 + random() * 0.1
         WHEN d.status = 'CHURNED' THEN 0.05 * random()
         ELSE least(1.1, 0.3 + d.grit * 0.2 * ((extract(year FROM age(m.month, date_trunc('month', d.crisis_start))) * 12
                                                    + extract(month FROM age(m.month, date_trunc('month', d.crisis_start))))) + random() * 0.08)
       END)::bigint,
       st.baseline_currency, $1
  FROM stakeholders st
  JOIN LATERAL (SELECT * FROM demo_trust_cases d WHERE d.stakeholder_id = st.id ORDER BY d.crisis_start LIMIT 1) d ON true
 CROSS JOIN LATERAL (
   SELECT g::date AS month
     FROM generate_series(date_trunc('month', d.crisis_start) - interval '3 months',
                          date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') - interval '1 month', interval '1 month') g
 ) m
 WHERE st.baseline_monthly_revenue_minor IS NOT NULL`;

export async function writeDemoTrust(manager: EntityManager, now: Date, recorderId: string): Promise<Record<string, number>> {
  await manager.query(`SELECT setseed(0.2026)`);
  await manager.query(SIGNALS_SQL);
  await manager.query(SURVEYS_SQL, [recorderId, now.toISOString()]);
  await manager.query(INTERACTIONS_SQL, [now.toISOString()]);
  await manager.query(REVENUE_SQL, [recorderId, now.toISOString()]);
  const [counts] = await manager.query(
    `SELECT (SELECT count(*)::int FROM survey_responses) AS "surveyResponses", (SELECT count(*)::int FROM interactions) AS interactions,
            (SELECT count(*)::int FROM stakeholder_revenue_months) AS "revenueMonths"`,
  );
  return counts;
}
