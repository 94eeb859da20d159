import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { MoneyModel } from '../../common/money/money.model';
import { CaseStatus } from '../cases/case.enums';
import { STATUS_CHANGED_AT } from '../cases/case-status-changed-at';
import { CompensationKind, CompensationStatus } from '../compensation/compensation.enums';
import { MeetingKind } from '../meetings/meeting.enums';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { CaseTimelineArgs } from './dto/case-timeline.args';
import { InteractionDirection, InteractionOutcome, TimelineItemKind } from './interaction.enums';
import { InteractionModel } from './interaction.model';
import { CompensationTimelineItemModel } from './compensation-timeline-item.model';
import { InteractionTimelineItemModel } from './interaction-timeline-item.model';
import { MeetingTimelineItemModel } from './meeting-timeline-item.model';
import { StatusChangeTimelineItemModel } from './status-change-timeline-item.model';
import { TimelineItemModel } from './timeline-item.model';
import { COMPENSATION_STEP_ACTIONS, compensationStepSummary, MEETING_ACTIONS, meetingActionOf, meetingStepSummary } from './timeline-summaries';

interface TimelineRow {
  kind: TimelineItemKind;
  item_id: string;
  sort_key: string;
  cursor_at: string;
  occurred_at: Date;
  actor_id: string | null;
  summary: string | null;
  contact_id: string | null;
  channel: ContactChannel | null;
  direction: InteractionDirection | null;
  outcome: InteractionOutcome | null;
  sentiment: number | null;
  template_version_id: string | null;
  follow_up_needed: boolean | null;
  created_at: Date;
  voided_at: Date | null;
  voided_by_id: string | null;
  void_reason: string | null;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  /** The compensation or meeting of a step, its kind and (for meetings) title and start. */
  record_id: string | null;
  record_kind: string | null;
  title: string | null;
  starts_at: string | null;
  value_minor: string | null;
  currency: string | null;
  extension_months: number | null;
  action: string | null;
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const STATUS_ACTIONS = `a.entity_type = 'RECOVERY_CASE' AND a.entity_id = $1 AND a.action IN ('CASE_OPENED', 'CASE_STATUS_CHANGED')`;
/** A status step is placed when it happened: a change or an opening entered after the fact says when. */
const STATUS_ITEM_AT = `coalesce((a.after ->> 'openedAt')::timestamptz, ${STATUS_CHANGED_AT('a')})`;
/** From the case's compensations (index on case_id) into their audit entries (index on entity_type, entity_id). */
const COMPENSATION_STEPS = `compensations c JOIN audit_entries a
  ON a.entity_type = 'COMPENSATION' AND a.entity_id = c.id AND a.action IN (${sqlList(Object.keys(COMPENSATION_STEP_ACTIONS))})
  WHERE c.case_id = $1`;
const MEETING_STEPS = `meetings m JOIN audit_entries a
  ON a.entity_type = 'MEETING' AND a.entity_id = m.id AND a.action IN (${sqlList(MEETING_ACTIONS)})
  WHERE m.case_id = $1`;

/**
 * Interactions, status changes, compensation steps and meeting steps of one case in one list.
 * The sort key is (occurred_at, a text key unique across all sources: a letter per source, then
 * the interaction's uuid or the audit entry's zero-padded id), compared in the "C" collation so
 * the cursor order is exact.
 */
const ITEMS = (includeVoided: string) => `
  SELECT 'INTERACTION' AS kind, i.id::text AS item_id, 'I' || i.id::text AS sort_key, i.occurred_at, i.actor_id,
         i.summary, i.contact_id, i.channel::text AS channel, i.direction::text AS direction, i.outcome::text AS outcome,
         i.sentiment, i.template_version_id, i.follow_up_needed, i.created_at, i.voided_at, i.voided_by_id, i.void_reason,
         NULL::text AS from_status, NULL::text AS to_status, NULL::text AS note,
         NULL::text AS record_id, NULL::text AS record_kind, NULL::text AS title, NULL::text AS starts_at,
         NULL::text AS value_minor, NULL::text AS currency, NULL::int AS extension_months, NULL::text AS action
  FROM interactions i WHERE i.case_id = $1 AND (${includeVoided} OR i.voided_at IS NULL)
  UNION ALL
  SELECT 'STATUS_CHANGE', a.id::text, 'S' || lpad(a.id::text, 19, '0'), ${STATUS_ITEM_AT}, a.actor_id,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.occurred_at, NULL, NULL, NULL,
         a.before ->> 'status', a.after ->> 'status', a.after ->> 'note',
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.action
  FROM audit_entries a WHERE ${STATUS_ACTIONS}
  UNION ALL
  SELECT 'COMPENSATION_STEP', a.id::text, 'C' || lpad(a.id::text, 19, '0'), a.occurred_at, a.actor_id,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.occurred_at, NULL, NULL, NULL,
         a.before ->> 'status', NULL, coalesce(a.after ->> 'reason', a.after ->> 'justification'),
         c.id::text, c.kind::text, NULL, NULL, c.value_minor::text, c.currency::text, c.extension_months::int, a.action
  FROM ${COMPENSATION_STEPS}
  UNION ALL
  SELECT 'MEETING', a.id::text, 'M' || lpad(a.id::text, 19, '0'), a.occurred_at, a.actor_id,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.occurred_at, NULL, NULL, NULL,
         a.before ->> 'status', a.after ->> 'status', coalesce(a.after ->> 'outcomeSummary', a.after ->> 'reason'),
         m.id::text, m.kind::text, m.title, a.after ->> 'startsAt', NULL, NULL, NULL, a.action
  FROM ${MEETING_STEPS}`;

/** Postgres's text form of a timestamptz, and the shapes of sort key: checked so a forged cursor is bad input. */
const CURSOR_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const SORT_KEY = /^(I[0-9a-f-]{36}|[SCM]\d{19})$/;

function encodeCursor(row: TimelineRow): string {
  return Buffer.from(JSON.stringify([row.cursor_at, row.sort_key])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2 && CURSOR_AT.test(String(values[0])) && SORT_KEY.test(String(values[1]))) {
      return values as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw AppException.badInput('after is not a cursor from this timeline; pass the endCursor of the previous page');
}

function toItem(row: TimelineRow, caseId: string): TimelineItemModel {
  const base = { id: row.item_id, kind: row.kind, occurredAt: row.occurred_at, actorId: row.actor_id };
  if (row.kind === TimelineItemKind.INTERACTION) {
    const interaction = Object.assign(new InteractionModel(), {
      id: row.item_id,
      caseId,
      contactId: row.contact_id,
      channel: row.channel,
      direction: row.direction,
      occurredAt: row.occurred_at,
      summary: row.summary,
      outcome: row.outcome,
      sentiment: row.sentiment,
      templateVersionId: row.template_version_id,
      followUpNeeded: row.follow_up_needed,
      createdAt: row.created_at,
      actorId: row.actor_id,
      voidedAt: row.voided_at,
      voidedById: row.voided_by_id,
      voidReason: row.void_reason,
    });
    const { channel, direction, outcome, sentiment, contactId, templateVersionId, followUpNeeded } = interaction;
    return Object.assign(new InteractionTimelineItemModel(), base, {
      summary: `${row.voided_at ? `VOIDED (${row.void_reason}): ` : ''}${direction} ${channel} (${outcome}): ${row.summary}`,
      details: { channel, direction, outcome, sentiment, contactId, templateVersionId, followUpNeeded },
      interaction,
    });
  }
  if (row.kind === TimelineItemKind.COMPENSATION_STEP) return compensationItem(row, base);
  if (row.kind === TimelineItemKind.MEETING) return meetingItem(row, base);
  const summary = row.from_status
    ? `Status ${row.from_status} → ${row.to_status}${row.note ? `: ${row.note}` : ''}`
    : `Case opened as ${row.to_status}`;
  return Object.assign(new StatusChangeTimelineItemModel(), base, {
    summary,
    details: { from: row.from_status, to: row.to_status, note: row.note },
    fromStatus: row.from_status as CaseStatus | null,
    toStatus: row.to_status as CaseStatus,
    note: row.note,
  });
}

type ItemBase = Pick<TimelineItemModel, 'id' | 'kind' | 'occurredAt' | 'actorId'>;

function compensationItem(row: TimelineRow, base: ItemBase): CompensationTimelineItemModel {
  const compensationKind = row.record_kind as CompensationKind;
  const toStatus = COMPENSATION_STEP_ACTIONS[row.action!];
  const value = MoneyModel.of(row.value_minor, row.currency)!;
  const step = { kind: compensationKind, toStatus, amountMinor: value.amountMinor, currency: value.currency, extensionMonths: row.extension_months, note: row.note };
  return Object.assign(new CompensationTimelineItemModel(), base, {
    summary: compensationStepSummary(step),
    details: { compensationId: row.record_id, kind: compensationKind, from: row.from_status, to: toStatus, value: { ...value }, extensionMonths: row.extension_months, note: row.note },
    compensationId: row.record_id,
    compensationKind,
    fromCompensationStatus: row.from_status as CompensationStatus | null,
    toCompensationStatus: toStatus,
    value,
    note: row.note,
  });
}

function meetingItem(row: TimelineRow, base: ItemBase): MeetingTimelineItemModel {
  const meetingKind = row.record_kind as MeetingKind;
  const action = meetingActionOf(row.action!, row.to_status);
  return Object.assign(new MeetingTimelineItemModel(), base, {
    summary: meetingStepSummary({ kind: meetingKind, title: row.title!, action, startsAt: row.starts_at, note: row.note }),
    details: { meetingId: row.record_id, kind: meetingKind, title: row.title, action, startsAt: row.starts_at, note: row.note },
    meetingId: row.record_id,
    meetingKind,
    action,
    note: row.note,
  });
}

@Injectable()
export class CaseTimelineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; two statements per page whatever the sources (count with the case's existence, then the page). */
  async timeline(args: CaseTimelineArgs): Promise<Connection<TimelineItemModel>> {
    const [{ found, total }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM recovery_cases WHERE id = $1) AS found,
              ((SELECT count(*) FROM interactions WHERE case_id = $1 AND ($2 OR voided_at IS NULL))
               + (SELECT count(*) FROM audit_entries a WHERE ${STATUS_ACTIONS})
               + (SELECT count(*) FROM ${COMPENSATION_STEPS})
               + (SELECT count(*) FROM ${MEETING_STEPS}))::int AS total`,
      [args.caseId, args.includeVoided],
    );
    if (!found) throw AppException.notFound('Recovery case', args.caseId);
    const [afterAt, afterKey] = args.after ? decodeCursor(args.after) : [null, null];
    const rows: TimelineRow[] = await this.dataSource.query(
      `SELECT t.*, t.occurred_at::text AS cursor_at FROM (${ITEMS('$5::boolean')}) t
       WHERE $2::timestamptz IS NULL OR (t.occurred_at, t.sort_key COLLATE "C") < ($2::timestamptz, $3::text COLLATE "C")
       ORDER BY t.occurred_at DESC, t.sort_key COLLATE "C" DESC
       LIMIT $4`,
      [args.caseId, afterAt, afterKey, args.first + 1, args.includeVoided],
    );
    const page = rows.slice(0, args.first);
    const edges = page.map((row) => ({ cursor: encodeCursor(row), node: toItem(row, args.caseId) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
