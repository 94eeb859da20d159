import { goldenHoursClock, replyClock, SlaClock, SlaState } from '../outreach/sla-clock';
import { goldenHoursOf } from './sla-sweep.sql';

export interface CaseSla {
  goldenHours: SlaClock;
  reply: SlaClock;
}

/** What CASE_SLA_COLUMNS select, the inputs of a case's two clocks. */
export interface CaseSlaRow {
  opened_at: Date;
  golden_required: boolean;
  golden_hours: number;
  reply_hours: number;
  first_out: Date | null;
  unanswered_at: Date | null;
  answered_at: Date | null;
  reply_at: Date | null;
}

/**
 * A case's SLA inputs, for any statement that has the case as `c` and adds CASE_SLA_JOINS:
 * the case API reads them for a page of cases, the CSV export for every exported case, so
 * both show the same states. Per case: its first outbound, its oldest inbound after the last
 * outbound (unanswered), and otherwise the start of the latest answered run of inbound
 * messages with the reply that answered it. An outbound at the same instant as an inbound
 * counts as its reply. Voided interactions are left out.
 */
export const CASE_SLA_COLUMNS = `
  c.created_at AS opened_at,
  c.impact = ANY (sla_cfg.golden_hours_impacts) AS golden_required,
  ${goldenHoursOf('sla_crisis', 'sla_cfg')} AS golden_hours,
  sla_cfg.reply_within_hours AS reply_hours,
  fo.at AS first_out, un.at AS unanswered_at, rs.at AS answered_at, rp.at AS reply_at`;

/** The joins CASE_SLA_COLUMNS need; they take the aliases sla_crisis, sla_cfg, fo, lo, un, li, po, rs and rp. */
export const CASE_SLA_JOINS = `
  JOIN crises sla_crisis ON sla_crisis.id = c.crisis_id
  CROSS JOIN (SELECT * FROM sla_settings LIMIT 1) sla_cfg
  LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions WHERE case_id = c.id AND voided_at IS NULL AND direction = 'OUTBOUND') fo ON true
  LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions WHERE case_id = c.id AND voided_at IS NULL AND direction = 'OUTBOUND') lo ON true
  LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                      WHERE case_id = c.id AND voided_at IS NULL AND direction = 'INBOUND' AND occurred_at > coalesce(lo.at, '-infinity')) un ON true
  LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions
                      WHERE case_id = c.id AND voided_at IS NULL AND direction = 'INBOUND' AND occurred_at <= lo.at) li ON true
  LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions
                      WHERE case_id = c.id AND voided_at IS NULL AND direction = 'OUTBOUND' AND occurred_at < li.at) po ON true
  LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                      WHERE case_id = c.id AND voided_at IS NULL AND direction = 'INBOUND' AND occurred_at > coalesce(po.at, '-infinity')
                        AND occurred_at <= li.at) rs ON true
  LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                      WHERE case_id = c.id AND voided_at IS NULL AND direction = 'OUTBOUND' AND occurred_at >= li.at) rp ON true`;

export function toCaseSla(r: CaseSlaRow, now: Date): CaseSla {
  const goldenHours = goldenHoursClock({
    openedAt: r.opened_at,
    required: r.golden_required,
    withinHours: r.golden_hours,
    firstOutboundAt: r.first_out,
    now,
  });
  let reply: SlaClock;
  if (r.unanswered_at) reply = replyClock(r.unanswered_at, r.reply_hours, null, now);
  else if (r.answered_at) reply = replyClock(r.answered_at, r.reply_hours, r.reply_at, now);
  else reply = { state: SlaState.NOT_REQUIRED, startedAt: null, dueAt: null, fulfilledAt: null };
  return { goldenHours, reply };
}
