import { DataSource } from 'typeorm';

/**
 * A small crisis whose every dashboard figure is worked out by hand in
 * test/dashboards.e2e-spec.ts (see the comments there). Times are relative to the database's
 * now, truncated to the second. Cases: c1 (HIGH), c2 (CRITICAL), c3 (HIGH, opened an hour
 * ago), c4 (LOW, in USD), c5 (HIGH, never answered).
 */
export interface KnownCrisis {
  crisisId: string;
  cases: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', string>;
}

export async function makeKnownCrisis(ds: DataSource, userId: string): Promise<KnownCrisis> {
  const q = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params)) as Record<string, any>[];
  const [{ id: crisisId }] = await q(
    `INSERT INTO crises (title, category, severity, phase, detected_at)
     VALUES ('Known crisis', 'SERVICE_OUTAGE', 'CRITICAL', 'RECOVERY', date_trunc('second', now()) - interval '11 days') RETURNING id`,
  );
  const [{ id: templateId }] = await q(
    `INSERT INTO message_templates (crisis_id, channel, kind, name, created_by_id) VALUES ($1, 'EMAIL', 'STATEMENT', 'Known', $2) RETURNING id`,
    [crisisId, userId],
  );
  const [{ id: approver }] = await q(`SELECT id FROM users WHERE id <> $1 ORDER BY email LIMIT 1`, [userId]);
  const [{ id: versionId }] = await q(
    `INSERT INTO message_template_versions (template_id, version, body, status, author_id, submitted_by_id, submitted_at, approved_by_id, approved_at)
     VALUES ($1, 1, 'Sorry', 'APPROVED', $2, $2, now(), $3, now()) RETURNING id`,
    [templateId, userId, approver],
  );
  const spec = {
    c1: ['HIGH', '10 days', 'CONTACTED', 40000, 'EUR'],
    c2: ['CRITICAL', '10 days', 'CONTACTED', 20000, 'EUR'],
    c3: ['HIGH', '1 hour', 'IDENTIFIED', 0, 'EUR'],
    c4: ['LOW', '10 days', 'CONTACTED', 1000, 'USD'],
    c5: ['HIGH', '10 days', 'IDENTIFIED', 0, 'EUR'],
  } as const;
  const cases = {} as KnownCrisis['cases'];
  for (const [name, [impact, age, status, loss, currency]] of Object.entries(spec)) {
    const [{ id: stakeholderId }] = await q(
      `INSERT INTO stakeholders (kind, name, segment, region, owner_id, baseline_monthly_revenue_minor, baseline_currency)
       VALUES ('CUSTOMER', $1, 'KNOWN', 'NORTH', $2, 4000, $3) RETURNING id`,
      [`Known ${name}`, userId, currency],
    );
    const [{ id }] = await q(
      `INSERT INTO recovery_cases (crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, owner_id, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, date_trunc('second', now()) - CAST($8 AS interval)) RETURNING id`,
      [crisisId, stakeholderId, impact, loss, currency, userId, status, age],
    );
    cases[name as keyof typeof spec] = id;
  }
  const { c1, c2, c4, c5 } = cases;
  // [case, direction, when (an SQL expression over the case's created_at `o` and `t` = now), templated]
  const interactions: [string, string, string, boolean][] = [
    [c1, 'OUTBOUND', `o + interval '3 hours'`, true],
    [c1, 'INBOUND', `t - interval '9 days'`, false],
    [c1, 'OUTBOUND', `t - interval '9 days' + interval '2 hours'`, false],
    [c1, 'INBOUND', `t - interval '8 days'`, false],
    [c1, 'OUTBOUND', `t - interval '8 days'`, true],
    [c2, 'OUTBOUND', `o + interval '5 hours'`, false],
    [c2, 'INBOUND', `t - interval '9 days'`, false],
    [c2, 'OUTBOUND', `t - interval '9 days' + interval '30 hours'`, true],
    [c4, 'OUTBOUND', `o + interval '1 hour'`, true],
    [c4, 'INBOUND', `t - interval '1 hour'`, false],
    [c5, 'INBOUND', `t - interval '5 days'`, false],
  ];
  for (const [caseId, direction, when, templated] of interactions) {
    await q(
      `INSERT INTO interactions (case_id, channel, direction, occurred_at, actor_id, summary, outcome, template_version_id)
       SELECT rc.id, 'EMAIL', $2::interaction_direction, ${when}, $3, 'Known', 'REACHED', $4::uuid
         FROM recovery_cases rc CROSS JOIN (SELECT date_trunc('second', now()) AS t) n CROSS JOIN LATERAL (SELECT rc.created_at AS o) c
        WHERE rc.id = $1`,
      [caseId, direction, userId, templated ? versionId : null],
    );
  }
  const comp = async (caseId: string, kind: string, status: string, value: number, currency: string) => {
    const approved = ['ISSUED', 'ACCEPTED', 'DECLINED'].includes(status);
    await q(
      `INSERT INTO compensations (case_id, kind, status, value_minor, currency, refund_reference, proposed_by_id,
                                  approved_by_id, approved_at, issued_by_id, issued_at, responded_by_id, responded_at, decline_reason)
       VALUES ($1, $2::compensation_kind, $3::compensation_status, $4, $5, CASE WHEN $2::compensation_kind = 'REFUND' THEN 'R-known' END, $6,
               CASE WHEN $7 THEN $8::uuid END, CASE WHEN $7 THEN now() END, CASE WHEN $7 THEN $6::uuid END, CASE WHEN $7 THEN now() END,
               CASE WHEN $3::compensation_status IN ('ACCEPTED', 'DECLINED') THEN $6::uuid END,
               CASE WHEN $3::compensation_status IN ('ACCEPTED', 'DECLINED') THEN now() END,
               CASE WHEN $3::compensation_status = 'DECLINED' THEN 'No' END)`,
      [caseId, kind, status, value, currency, userId, approved, approver],
    );
  };
  await comp(c1, 'REFUND', 'ISSUED', 10000, 'EUR');
  await comp(c2, 'SERVICE_CREDIT', 'ACCEPTED', 5000, 'EUR');
  await comp(c2, 'SERVICE_CREDIT', 'DECLINED', 700, 'EUR');
  await comp(c4, 'REFUND', 'PROPOSED', 300, 'USD');

  // [case, month, trust index, band, nps, csat, revenue, baseline, currency, status at month end, reasons]
  type Snap = [string, number, number, string, number | null, number | null, number | null, number | null, string | null, string, object[]];
  const noReply = [{ code: 'NO_REPLY', message: 'No answer for 30 days', points: 20 }];
  const snapshots: Snap[] = [
    [c1, 0, 30, 'AT_RISK', 3, 2, 1000, 4000, 'EUR', 'CONTACTED', []],
    [c1, 1, 60, 'RECOVERING', 9, 4, 2000, 4000, 'EUR', 'RECOVERING', []],
    [c1, 2, 80, 'RECOVERED', 10, 5, 3000, 4000, 'EUR', 'RECOVERED', []],
    [c2, 0, 20, 'AT_RISK', 7, null, null, null, null, 'CONTACTED', []],
    [c2, 1, 10, 'AT_RISK', 0, null, null, null, null, 'CHURNED', noReply],
    [c4, 0, 50, 'RECOVERING', null, 3, 500, 1000, 'USD', 'RECOVERED', []],
  ];
  for (const [caseId, month, ti, band, nps, csat, revenue, baseline, currency, status, reasons] of snapshots) {
    await q(
      `INSERT INTO case_trust_snapshots (case_id, month_index, crisis_id, stakeholder_id, month_start, as_of, trust_index, band,
                                         overdue_items, penalty_points, weights, reasons, latest_nps, latest_csat,
                                         revenue_month, revenue_minor, baseline_minor, currency, case_status)
       SELECT rc.id, $2::int, rc.crisis_id, rc.stakeholder_id, m.start, m.start + interval '1 month', $3, $4::trust_band, 0, 0, '{}',
              $5::jsonb, $6::smallint, $7::smallint, CASE WHEN $8::bigint IS NOT NULL THEN m.start END, $8::bigint, $9::bigint, $10::char(3),
              $11::case_status
         FROM recovery_cases rc
        CROSS JOIN LATERAL (SELECT (date_trunc('month', rc.created_at) + make_interval(months => $2::int))::date AS start) m
        WHERE rc.id = $1`,
      [caseId, month, ti, band, JSON.stringify(reasons), nps, csat, revenue, baseline, currency, status],
    );
  }
  // Ours, due in c1's first snapshot month and kept a day early; theirs in the same month does not count.
  for (const party of ['OURS', 'THEIRS']) {
    await q(
      `INSERT INTO commitments (stakeholder_id, case_id, description, party, owner_user_id, owner_name, due_on, status,
                                status_changed_at, status_changed_by_id, created_by_id)
       SELECT rc.stakeholder_id, rc.id, 'Known promise', $2::commitment_party,
              CASE WHEN $2::commitment_party = 'OURS' THEN $3::uuid END, CASE WHEN $2::commitment_party = 'THEIRS' THEN 'Them' END,
              d.due, 'DONE', d.due - interval '1 day', $3, $3
         FROM recovery_cases rc
        CROSS JOIN LATERAL (SELECT (date_trunc('month', rc.created_at) + interval '5 days')::date AS due) d
        WHERE rc.id = $1`,
      [c1, party, userId],
    );
  }
  return { crisisId, cases };
}
