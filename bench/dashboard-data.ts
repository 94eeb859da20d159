/**
 * A generated data set for the recovery dashboards, set-based (INSERT … SELECT over
 * generate_series), deterministic (every choice is a hash of the row number), at any size.
 * The benchmark runs it at full size; the dashboard tests run it small and check every figure
 * against plain SQL. Ids are md5-derived UUIDs (`dashId('case', 7)`), so rows can refer to one
 * another without lookups.
 */
import { createHash } from 'node:crypto';

export interface DashboardDataSize {
  stakeholders: number;
  cases: number;
  interactions: number;
  surveys: number;
  /** Months of revenue and snapshots since each crisis. */
  months: number;
  crises: number;
}

export const FULL_SIZE: DashboardDataSize = {
  stakeholders: 100_000,
  cases: 120_000,
  interactions: 2_000_000,
  surveys: 300_000,
  months: 12,
  crises: 6,
};

/** The full size times `scale` (0 < scale ≤ 1), keeping the months and crises. */
export function scaled(scale: number): DashboardDataSize {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return { ...FULL_SIZE, stakeholders: n(FULL_SIZE.stakeholders), cases: n(FULL_SIZE.cases), interactions: n(FULL_SIZE.interactions), surveys: n(FULL_SIZE.surveys) };
}

export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** The UUID of the n-th generated row of a kind, as the SQL below computes it. */
export const dashId = (kind: string, n: number) => {
  const hex = createHash('md5').update(`dash-${kind}-${n}`).digest('hex');
  // Version 4 and variant nibbles set, so that the ids pass UUID validation like any other.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};
const ID = (kind: string, n: string) =>
  `overlay(overlay(md5('dash-${kind}-' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
/** A pseudo-random integer in [0, mod) from a row number and a salt. */
const R = (n: string, salt: string, mod: number) => `(abs(hashtext((${n})::text || ':${salt}')) % ${mod})`;

export const SEGMENTS = ['ENTERPRISE', 'SMB', 'PUBLIC', 'CONSUMER'];
export const REGIONS = ['EMEA', 'AMER', 'APAC'];
/** Stakeholder 1 alone is in this segment: a single-member group. No one is in EMPTY_SEGMENT. */
export const SOLO_SEGMENT = 'SOLO';
export const AGENTS = 10;
export const PARTNER_MANAGERS = 5;
const COMMS_USER = AGENTS + PARTNER_MANAGERS + 1;
const LEADER_USER = COMMS_USER + 1;

export async function generateDashboardData(query: Query, size: DashboardDataSize, log: (step: string) => void = () => {}): Promise<void> {
  if (size.cases > size.stakeholders * size.crises) throw new Error('at most one case per stakeholder and crisis');
  const p = [size.stakeholders, size.cases, size.interactions, size.surveys, size.months, size.crises];
  // The sizes are numbers from code, written into the statements as literals.
  const step = async (name: string, sql: string) => {
    const started = Date.now();
    await query(sql.replace(/\$(\d)::int/g, (_, n: string) => String(p[Number(n) - 1])));
    log(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  // $1 stakeholders, $2 cases, $3 interactions, $4 surveys, $5 months, $6 crises.
  await step(
    'users',
    `INSERT INTO users (id, email, name, role, password_hash)
     SELECT ${ID('user', 'u')}, 'dash-user-' || u || '@bench.local', 'Dash user ' || u,
            (CASE WHEN u <= ${AGENTS} THEN 'AGENT' WHEN u <= ${AGENTS + PARTNER_MANAGERS} THEN 'PARTNER_MANAGER'
                  WHEN u = ${COMMS_USER} THEN 'COMMS' ELSE 'LEADERSHIP' END)::user_role, 'unused'
       FROM generate_series(1, ${LEADER_USER}) u`,
  );
  await step(
    'crises',
    `INSERT INTO crises (id, title, category, severity, phase, detected_at)
     SELECT ${ID('crisis', 'c')}, 'Generated crisis ' || c, 'PRODUCT_QUALITY',
            (ARRAY['MINOR', 'MODERATE', 'SEVERE', 'CRITICAL'])[1 + c % 4]::crisis_severity, 'RECOVERY',
            date_trunc('month', now()) - make_interval(months => $5::int + 1) + c * interval '3 days'
       FROM generate_series(0, $6::int - 1) c`,
  );
  await step(
    'templates',
    `WITH t AS (
       INSERT INTO message_templates (id, crisis_id, channel, kind, name, created_by_id)
       SELECT ${ID('template', 'c')}, ${ID('crisis', 'c')}, 'EMAIL', 'STATEMENT', 'Apology', ${ID('user', String(COMMS_USER))}
         FROM generate_series(0, $6::int - 1) c RETURNING id)
     INSERT INTO message_template_versions (id, template_id, version, body, status, author_id, submitted_by_id, submitted_at, approved_by_id, approved_at)
     SELECT ${ID('version', 'c')}, ${ID('template', 'c')}, 1, 'We are sorry.', 'APPROVED',
            ${ID('user', String(COMMS_USER))}, ${ID('user', String(COMMS_USER))}, now(), ${ID('user', String(LEADER_USER))}, now()
       FROM generate_series(0, $6::int - 1) c WHERE EXISTS (SELECT 1 FROM t)`,
  );
  await step(
    'stakeholders',
    `INSERT INTO stakeholders (id, kind, name, segment, region, owner_id, external_ref, baseline_monthly_revenue_minor, baseline_currency)
     SELECT ${ID('stakeholder', 'j')}, (CASE WHEN j % 10 = 0 THEN 'PARTNER' ELSE 'CUSTOMER' END)::stakeholder_kind,
            'Generated stakeholder ' || j,
            CASE WHEN j = 1 THEN '${SOLO_SEGMENT}' ELSE (ARRAY['${SEGMENTS.join("','")}'])[1 + j % ${SEGMENTS.length}] END,
            (ARRAY['${REGIONS.join("','")}'])[1 + (j / 4) % ${REGIONS.length}],
            CASE WHEN j % 10 = 0 THEN ${ID('user', `${AGENTS + 1} + (j / 10) % ${PARTNER_MANAGERS}`)} ELSE ${ID('user', `1 + j % ${AGENTS}`)} END,
            'DASH-' || j, 1000 + ${R('j', 'baseline', 500000)}, CASE WHEN j % 7 = 0 THEN 'USD' ELSE 'EUR' END
       FROM generate_series(1, $1::int) j`,
  );
  // Case k is stakeholder j = (k-1) % S + 1 in crisis (j + round) % C: one case per pair.
  await step(
    'cases',
    `INSERT INTO recovery_cases (id, crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, owner_id, status,
                                 created_at, status_changed_at)
     SELECT ${ID('case', 'k')}, ${ID('crisis', `(x.j + x.round) % $6::int`)}, s.id,
            (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + ${R('k', 'impact', 4)}]::impact_level,
            CASE WHEN k % 13 = 0 THEN 0 ELSE 1000 + ${R('k', 'loss', 200000)} END, s.baseline_currency, s.owner_id,
            (ARRAY['IDENTIFIED', 'CONTACTED', 'CONTACTED', 'COMPENSATING', 'RECOVERING', 'RECOVERING', 'RECOVERED', 'RECOVERED', 'CHURNED', 'RECOVERING'])
              [1 + ${R('k', 'status', 10)}]::case_status,
            cr.detected_at + (k % 72) * interval '1 hour', cr.detected_at + (k % 72) * interval '1 hour'
       FROM generate_series(1, $2::int) k
      CROSS JOIN LATERAL (SELECT (k - 1) % $1::int + 1 AS j, (k - 1) / $1::int AS round) x
       JOIN stakeholders s ON s.id = ${ID('stakeholder', 'x.j')}
       JOIN crises cr ON cr.id = ${ID('crisis', `(x.j + x.round) % $6::int`)}`,
  );
  // About one case in nine is never contacted. A case's first interaction is outbound, 0–11 hours
  // after opening; later ones spread over 90 days, 30% inbound, 70% of outbound on a template.
  await step(
    'interactions',
    `INSERT INTO interactions (case_id, channel, direction, occurred_at, actor_id, summary, outcome, template_version_id)
     SELECT rc.id, 'EMAIL', d.direction, d.at, rc.owner_id, 'Generated interaction', 'REACHED',
            CASE WHEN d.direction = 'OUTBOUND' AND ${R('i', 'template', 10)} < 7 THEN v.id END
       FROM generate_series(1, $3::int) i
      CROSS JOIN LATERAL (SELECT (i - 1) % $2::int + 1 AS k) x
       JOIN recovery_cases rc ON rc.id = ${ID('case', 'x.k')}
       JOIN message_templates t ON t.crisis_id = rc.crisis_id
       JOIN message_template_versions v ON v.template_id = t.id
      CROSS JOIN LATERAL (
        SELECT CASE WHEN i <= $2::int OR ${R('i', 'direction', 10)} >= 3 THEN 'OUTBOUND' ELSE 'INBOUND' END::interaction_direction AS direction,
               CASE WHEN i <= $2::int THEN rc.created_at + ${R('i', 'first', 12 * 60)} * interval '1 minute'
                    ELSE rc.created_at + ${R('i', 'later', 90 * 24 * 60)} * interval '1 minute' END AS at) d
      WHERE ${R('x.k', 'contacted', 9)} <> 0`,
  );
  const status = `(ARRAY['PROPOSED', 'APPROVED', 'REJECTED', 'CANCELLED', 'ISSUED', 'ACCEPTED', 'DECLINED'])[1 + (k / 2) % 7]`;
  await step(
    'compensations',
    `INSERT INTO compensations (case_id, kind, status, value_minor, currency, refund_reference, proposed_by_id, proposed_at,
                                approved_by_id, approved_at, rejected_by_id, rejected_at, rejection_reason,
                                cancelled_by_id, cancelled_at, cancellation_reason, issued_by_id, issued_at,
                                responded_by_id, responded_at, decline_reason)
     SELECT rc.id, c.kind::compensation_kind, c.status::compensation_status, 500 + ${R('k', 'value', 50000)}, rc.loss_currency,
            CASE WHEN c.kind = 'REFUND' THEN 'R-' || k END, rc.owner_id, rc.created_at,
            CASE WHEN c.status IN ('APPROVED', 'ISSUED', 'ACCEPTED', 'DECLINED') THEN ${ID('user', String(LEADER_USER))} END,
            CASE WHEN c.status IN ('APPROVED', 'ISSUED', 'ACCEPTED', 'DECLINED') THEN rc.created_at END,
            CASE WHEN c.status = 'REJECTED' THEN ${ID('user', String(LEADER_USER))} END,
            CASE WHEN c.status = 'REJECTED' THEN rc.created_at END, CASE WHEN c.status = 'REJECTED' THEN 'Too much' END,
            CASE WHEN c.status = 'CANCELLED' THEN rc.owner_id END,
            CASE WHEN c.status = 'CANCELLED' THEN rc.created_at END, CASE WHEN c.status = 'CANCELLED' THEN 'Withdrawn' END,
            CASE WHEN c.status IN ('ISSUED', 'ACCEPTED', 'DECLINED') THEN rc.owner_id END,
            CASE WHEN c.status IN ('ISSUED', 'ACCEPTED', 'DECLINED') THEN rc.created_at END,
            CASE WHEN c.status IN ('ACCEPTED', 'DECLINED') THEN rc.owner_id END,
            CASE WHEN c.status IN ('ACCEPTED', 'DECLINED') THEN rc.created_at END,
            CASE WHEN c.status = 'DECLINED' THEN 'No thanks' END
       FROM generate_series(2, $2::int, 2) k
       JOIN recovery_cases rc ON rc.id = ${ID('case', 'k')}
      CROSS JOIN LATERAL (SELECT CASE WHEN k % 4 = 0 THEN 'SERVICE_CREDIT' ELSE 'REFUND' END AS kind, ${status} AS status) c`,
  );
  await step(
    'commitments',
    `INSERT INTO commitments (stakeholder_id, case_id, description, party, owner_user_id, due_on, status, status_changed_at,
                              status_changed_by_id, created_by_id)
     SELECT rc.stakeholder_id, rc.id, 'Generated promise', 'OURS', rc.owner_id, d.due_on, d.status::commitment_status,
            CASE WHEN d.status <> 'OPEN' THEN (d.due_on + (${R('k', 'late', 9)} - 4) * interval '1 day') END,
            CASE WHEN d.status <> 'OPEN' THEN rc.owner_id END, rc.owner_id
       FROM generate_series(3, $2::int, 3) k
       JOIN recovery_cases rc ON rc.id = ${ID('case', 'k')}
      CROSS JOIN LATERAL (SELECT (rc.created_at + ${R('k', 'due', 330)} * interval '1 day')::date AS due_on,
                                 (ARRAY['OPEN', 'DONE', 'DONE', 'DROPPED'])[1 + ${R('k', 'cstatus', 4)}] AS status) d`,
  );
  await step(
    'survey responses',
    `INSERT INTO survey_responses (case_id, stakeholder_id, kind, score, responded_at, recorded_by_id)
     SELECT rc.id, rc.stakeholder_id, v.kind::survey_kind,
            CASE WHEN v.kind = 'NPS' THEN ${R('i', 'score', 11)} ELSE 1 + ${R('i', 'score', 5)} END,
            rc.created_at + ${R('i', 'when', 330 * 86400)} * interval '1 second', rc.owner_id
       FROM generate_series(1, $4::int) i
       JOIN recovery_cases rc ON rc.id = ${ID('case', `(i - 1) % $2::int + 1`)}
      CROSS JOIN LATERAL (SELECT (ARRAY['NPS', 'CSAT', 'TRUST'])[1 + i % 3] AS kind) v
     ON CONFLICT DO NOTHING`,
  );
  await step(
    'revenue months',
    `INSERT INTO stakeholder_revenue_months (stakeholder_id, month, amount_minor, currency, recorded_by_id)
     SELECT s.id, (date_trunc('month', now()) - make_interval(months => $5::int + 1 - m))::date,
            s.baseline_monthly_revenue_minor * (40 + ${R(`j * 100 + m`, 'revenue', 80)}) / 100, s.baseline_currency,
            ${ID('user', String(LEADER_USER))}
       FROM generate_series(1, $1::int) j
       JOIN stakeholders s ON s.id = ${ID('stakeholder', 'j')}
      CROSS JOIN generate_series(0, $5::int - 1) m`,
  );
  await generateSnapshots(query, size);
  log('snapshots');
  // Fresh tables: statistics and a visibility map, as autovacuum gives a live database.
  await query(`VACUUM ANALYZE`);
}

/**
 * Snapshots as the snapshot job would leave them, with made-up but consistent values: the
 * trust index climbs with the months (except every fifth case's, which stays low), each case recovers (status RECOVERED) from a month of
 * its own or never, every tenth churns; revenue and baseline come from the stakeholder.
 */
async function generateSnapshots(query: Query, size: DashboardDataSize): Promise<void> {
  await query(
    `INSERT INTO case_trust_snapshots (case_id, month_index, crisis_id, stakeholder_id, month_start, as_of, trust_index, band,
                                       component_survey_trust, component_nps, component_sentiment, component_responsiveness,
                                       component_revenue, component_promises, overdue_items, penalty_points, weights, reasons,
                                       latest_nps, latest_csat, latest_trust, revenue_month, revenue_minor, baseline_minor, currency,
                                       case_status)
     SELECT rc.id, m, rc.crisis_id, rc.stakeholder_id, x.month_start, x.month_start + interval '1 month', x.ti,
            (CASE WHEN x.ti >= 75 THEN 'RECOVERED' WHEN x.ti >= 45 THEN 'RECOVERING' ELSE 'AT_RISK' END)::trust_band,
            0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, '{}',
            CASE WHEN x.ti < 45 THEN jsonb_build_array(jsonb_build_object('code', 'LOW_TRUST', 'message', 'Trust answers are low', 'points', 45 - x.ti))
                 ELSE '[]' END,
            CASE WHEN ${R('k * 100 + m', 'hasnps', 4)} > 0 THEN ${R('k * 100 + m', 'nps', 11)} END,
            CASE WHEN ${R('k * 100 + m', 'hascsat', 3)} > 0 THEN 1 + ${R('k * 100 + m', 'csat', 5)} END,
            1 + ${R('k * 100 + m', 'trust', 5)},
            -- Some months carry the month before's figure, as the trust index's fallback does over a gap.
            CASE WHEN k % 11 = 0 THEN NULL WHEN m > 0 AND (k + m) % 7 = 3 THEN (x.month_start - interval '1 month')::date ELSE x.month_start END,
            CASE WHEN k % 11 <> 0 THEN s.baseline_monthly_revenue_minor * (40 + ${R('k * 100 + m', 'rev', 80)}) / 100 END,
            s.baseline_monthly_revenue_minor, s.baseline_currency,
            (CASE WHEN k % 10 = 7 AND m >= ${R('k', 'churn', 12)} THEN 'CHURNED'
                  WHEN m >= ${R('k', 'recover', 24)} THEN 'RECOVERED' ELSE 'RECOVERING' END)::case_status
       FROM generate_series(1, $1::int) k
       JOIN recovery_cases rc ON rc.id = ${ID('case', 'k')}
       JOIN stakeholders s ON s.id = rc.stakeholder_id
      CROSS JOIN generate_series(0, $2::int - 1) m
      CROSS JOIN LATERAL (SELECT (date_trunc('month', rc.created_at) + make_interval(months => m))::date AS month_start,
                                 CASE WHEN k % 5 = 0 THEN 5 + ${R('k * 100 + m', 'ti', 40)}
                                      ELSE least(100, 20 + m * 5 + ${R('k * 100 + m', 'ti', 40)}) END::int AS ti) x`,
    [size.cases, size.months],
  );
}
