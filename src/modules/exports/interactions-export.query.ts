import { CsvExport, parameterList } from './csv-export';
import { InteractionsExportArgs } from './dto/interactions-export.args';
import { recordByHeaders, selectList } from './stakeholder-csv-select';

/** Each column and its SQL, with the interaction as `i`, its case `c`, stakeholder `s`, contact `ct`. */
const INTERACTION_SELECT: Record<string, string> = {
  interaction_id: 'i.id',
  occurred_at: 'i.occurred_at',
  case_id: 'i.case_id',
  crisis_id: 'c.crisis_id',
  external_ref: 's.external_ref',
  stakeholder_name: 's.name',
  contact_name: 'ct.name',
  contact_email: 'ct.email',
  channel: 'i.channel::text',
  direction: 'i.direction::text',
  outcome: 'i.outcome::text',
  sentiment: 'i.sentiment',
  summary: 'i.summary',
  follow_up_needed: 'i.follow_up_needed',
  logged_by_email: 'a.email',
  template_name: 'mt.name',
  template_version: 'v.version',
};

export const INTERACTION_EXPORT_HEADERS: readonly string[] = Object.keys(INTERACTION_SELECT);

/** A validated date or date-time with offset; a bare date is midnight UTC (as JavaScript reads it), whatever the database's time zone. */
function instant(text: string): Date {
  return new Date(text);
}

/** Logged interactions (not voided ones), oldest first, with their case, stakeholder, contact and the template version used. */
export function interactionsExport(filters: InteractionsExportArgs): CsvExport<Record<string, unknown>> {
  const params: unknown[] = [];
  const param = parameterList(params);
  const where: string[] = [];
  if (filters.crisisId) where.push(`c.crisis_id = ${param(filters.crisisId)}::uuid`);
  if (filters.caseId) where.push(`i.case_id = ${param(filters.caseId)}::uuid`);
  if (filters.stakeholderId) where.push(`c.stakeholder_id = ${param(filters.stakeholderId)}::uuid`);
  if (filters.ownerId) where.push(`c.owner_id = ${param(filters.ownerId)}::uuid`);
  if (filters.actorId) where.push(`i.actor_id = ${param(filters.actorId)}::uuid`);
  if (filters.channel) where.push(`i.channel = ANY (${param(filters.channel)}::contact_channel[])`);
  if (filters.direction) where.push(`i.direction = ${param(filters.direction)}::interaction_direction`);
  if (filters.occurredFrom) where.push(`i.occurred_at >= ${param(instant(filters.occurredFrom))}::timestamptz`);
  if (filters.occurredTo) where.push(`i.occurred_at < ${param(instant(filters.occurredTo))}::timestamptz`);
  const sql = `
    SELECT ${selectList(INTERACTION_EXPORT_HEADERS, INTERACTION_SELECT)}
      FROM interactions i
      JOIN recovery_cases c ON c.id = i.case_id
      JOIN stakeholders s ON s.id = c.stakeholder_id
      JOIN users a ON a.id = i.actor_id
      LEFT JOIN contacts ct ON ct.id = i.contact_id
      LEFT JOIN message_template_versions v ON v.id = i.template_version_id
      LEFT JOIN message_templates mt ON mt.id = v.template_id
     WHERE ${['i.voided_at IS NULL', ...where].join(' AND ')}
     ORDER BY i.occurred_at, i.id`;
  return { name: 'interactions', headers: INTERACTION_EXPORT_HEADERS, sql, params, toRecord: recordByHeaders(INTERACTION_EXPORT_HEADERS) };
}
