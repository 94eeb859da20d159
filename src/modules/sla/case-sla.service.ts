import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GOLDEN_HOURS } from './sla-sweep.sql';
import { goldenHoursClock, replyClock, SlaClock, SlaState } from '../outreach/sla-clock';

export interface CaseSla {
  goldenHours: SlaClock;
  reply: SlaClock;
}

interface Row {
  id: string;
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
 * One statement for any number of cases: each case's first outbound, its oldest inbound
 * after the last outbound (unanswered), and otherwise the start of the latest answered run
 * of inbound messages with the reply that answered it. An outbound at the same instant as an
 * inbound counts as its reply.
 */
const CASE_SLA_SQL = `
  SELECT c.id, c.created_at AS opened_at,
         c.impact = ANY (s.golden_hours_impacts) AS golden_required,
         ${GOLDEN_HOURS} AS golden_hours,
         s.reply_within_hours AS reply_hours,
         fo.at AS first_out, un.at AS unanswered_at, rs.at AS answered_at, rp.at AS reply_at
    FROM recovery_cases c
    JOIN crises cr ON cr.id = c.crisis_id
   CROSS JOIN (SELECT * FROM sla_settings LIMIT 1) s
    LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions WHERE case_id = c.id AND direction = 'OUTBOUND') fo ON true
    LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions WHERE case_id = c.id AND direction = 'OUTBOUND') lo ON true
    LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                        WHERE case_id = c.id AND direction = 'INBOUND' AND occurred_at > coalesce(lo.at, '-infinity')) un ON true
    LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions
                        WHERE case_id = c.id AND direction = 'INBOUND' AND occurred_at <= lo.at) li ON true
    LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM interactions
                        WHERE case_id = c.id AND direction = 'OUTBOUND' AND occurred_at < li.at) po ON true
    LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                        WHERE case_id = c.id AND direction = 'INBOUND' AND occurred_at > coalesce(po.at, '-infinity')
                          AND occurred_at <= li.at) rs ON true
    LEFT JOIN LATERAL (SELECT min(occurred_at) AS at FROM interactions
                        WHERE case_id = c.id AND direction = 'OUTBOUND' AND occurred_at >= li.at) rp ON true
   WHERE c.id = ANY ($1::uuid[])`;

@Injectable()
export class CaseSlaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCases(caseIds: readonly string[], now = new Date()): Promise<Map<string, CaseSla>> {
    const rows: Row[] = await this.dataSource.query(CASE_SLA_SQL, [caseIds]);
    return new Map(rows.map((r) => [r.id, toCaseSla(r, now)]));
  }
}

function toCaseSla(r: Row, now: Date): CaseSla {
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
