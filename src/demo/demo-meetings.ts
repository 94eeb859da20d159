import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AuditedRecord } from '../modules/audit/audited-record.enum';
import { CaseStatus } from '../modules/cases/case.enums';
import { canOrganise, meetsExecutiveRule } from '../modules/meetings/meeting-organiser-rule';
import { MeetingKind, MeetingStatus } from '../modules/meetings/meeting.enums';
import { StakeholderKind } from '../modules/stakeholders/stakeholder.enums';
import { UserRole } from '../modules/users/user-role.enum';
import { DemoCase } from './demo-cases';
import { DAY_MS, HOUR_MS } from './demo-crises';
import { DemoRandom } from './demo-random';
import { DemoStaff } from './demo-users';
import { Row } from './insert-rows';

export const MEETING_COLUMNS = {
  id: 'uuid',
  uid: 'text',
  kind: 'meeting_kind',
  title: 'text',
  stakeholder_id: 'uuid',
  case_id: 'uuid',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  time_zone: 'text',
  location: 'text',
  video_link: 'text',
  organiser_id: 'uuid',
  agenda: 'text',
  status: 'meeting_status',
  outcome_summary: 'text',
  sentiment: 'smallint',
  status_changed_at: 'timestamptz',
  status_changed_by_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
export const ATTENDEE_COLUMNS = { meeting_id: 'uuid', user_id: 'uuid', during: 'tstzrange', active: 'boolean' };
export const MEETING_CONTACT_COLUMNS = { meeting_id: 'uuid', contact_id: 'uuid', stakeholder_id: 'uuid' };
export const COMMITMENT_COLUMNS = {
  id: 'uuid',
  stakeholder_id: 'uuid',
  case_id: 'uuid',
  meeting_id: 'uuid',
  description: 'text',
  party: 'commitment_party',
  owner_user_id: 'uuid',
  owner_contact_id: 'uuid',
  due_on: 'date',
  kpi_name: 'text',
  kpi_target: 'numeric',
  kpi_unit: 'text',
  status: 'commitment_status',
  status_note: 'text',
  status_changed_at: 'timestamptz',
  status_changed_by_id: 'uuid',
  created_by_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export interface DemoContact {
  id: string;
  stakeholderId: string;
  isExecutive: boolean;
}

export interface DemoMeetings {
  meetings: Row[];
  attendees: Row[];
  contacts: Row[];
  commitments: Row[];
  interactions: Row[];
  audit: Row[];
}

interface Plan {
  kind: MeetingKind;
  title: string;
  /** Days from now (negative: past), at a local hour of the partner's zone. */
  days: number;
  hour: number;
  hours: number;
  withLeadership: boolean;
}

const OURS: readonly [string, string | null, number | null, string | null][] = [
  ['Reflash all firmware-4.2 stock in the partner warehouse at our cost', 'Units reflashed', 100, '%'],
  ['Share the root-cause report and the 4.2.1 thermal test results', null, null, null],
  ['Name an executive sponsor and hold a monthly review until the return rate is back to normal', 'Return rate', 2, '%'],
  ['Pay installer call-outs for removed units within 30 days of the claim', 'Claims paid within 30 days', 95, '%'],
];
const THEIRS: readonly string[] = [
  'Resume Aurora orders for the heating season once the reflashed stock is confirmed',
  'Send the list of end customers with removed units',
  'Put Aurora back on shelves and in the web shop',
];

/**
 * Meetings with the partners (and a few customer calls) as the meeting service would have booked
 * them: organisers allowed by the organiser rule, executive visits with leadership present, times
 * in the partner's business hours and never two meetings at once for one person (checked here,
 * and by the exclusion constraint). Past ones are completed, logged as an interaction on the case,
 * with commitments on both sides, mostly kept; upcoming ones fall in the next days, one of them an
 * executive visit.
 */
export function buildMeetings(random: DemoRandom, staff: DemoStaff, cases: readonly DemoCase[], contacts: readonly DemoContact[], now: Date): DemoMeetings {
  const out: DemoMeetings = { meetings: [], attendees: [], contacts: [], commitments: [], interactions: [], audit: [] };
  const late = new Set<string>();
  const busy = new Map<string, [number, number][]>();
  const partners = cases.filter((c) => c.stakeholder.kind === StakeholderKind.PARTNER && c.crisis.phase !== 'CLOSED' && c.status !== CaseStatus.IDENTIFIED);
  // partners@ first, so that their week has the executive visit.
  partners.sort((a, b) => Number(b.stakeholder.ownerId === staff.partnerManagers[0]) - Number(a.stakeholder.ownerId === staff.partnerManagers[0]));
  partners.slice(0, 10).forEach((c, i) => {
    const plans: Plan[] = [
      { kind: MeetingKind.REVIEW_MEETING, title: 'Recovery review', days: -120 + i * 3, hour: 10, hours: 1, withLeadership: false },
      { kind: i % 3 === 0 ? MeetingKind.EXECUTIVE_VISIT : MeetingKind.SITE_VISIT, title: i % 3 === 0 ? 'Executive visit' : 'Site visit: reflashing line', days: -60 + i * 2, hour: 11, hours: 2, withLeadership: i % 3 === 0 },
    ];
    if (c.status !== CaseStatus.CHURNED) {
      if (i === 0) plans.push({ kind: MeetingKind.EXECUTIVE_VISIT, title: 'Executive visit: joint recovery plan, six months on', days: 2, hour: 14, hours: 2, withLeadership: true });
      if (i < 4) plans.push({ kind: MeetingKind.REVIEW_MEETING, title: 'Monthly recovery review', days: 1 + i, hour: 10, hours: 1, withLeadership: false });
    }
    for (const plan of plans) book(out, random, staff, busy, late, c, contacts, plan, now);
  });
  // Agents call their customers back too: one past call and one this week for agent@'s open cases.
  const own = cases.filter((c) => c.stakeholder.ownerId === staff.agents[0] && c.crisis.phase !== 'CLOSED' && !c.stakeholder.doNotContact && c.status === CaseStatus.RECOVERING);
  own.slice(0, 2).forEach((c, i) => {
    book(out, random, staff, busy, late, c, contacts, { kind: MeetingKind.FOLLOW_UP_CALL, title: 'Follow-up call on the replacement', days: i === 0 ? -20 : 3, hour: 15, hours: 1, withLeadership: false }, now);
  });
  return out;
}

function book(
  out: DemoMeetings,
  random: DemoRandom,
  staff: DemoStaff,
  busy: Map<string, [number, number][]>,
  late: Set<string>,
  c: DemoCase,
  contacts: readonly DemoContact[],
  plan: Plan,
  now: Date,
): void {
  const organiser = c.stakeholder.ownerId;
  const organiserRole = c.stakeholder.kind === StakeholderKind.PARTNER ? UserRole.PARTNER_MANAGER : UserRole.AGENT;
  if (!canOrganise(organiserRole, plan.kind, c.stakeholder.kind)) throw new Error(`a ${organiserRole} may not organise a ${plan.kind}`);
  const users = [...new Set([organiser, ...(plan.withLeadership ? [staff.leadership] : [])])].sort();
  if (!meetsExecutiveRule(plan.kind, plan.withLeadership ? [organiserRole, UserRole.LEADERSHIP] : [organiserRole])) {
    throw new Error('an executive visit needs leadership');
  }
  const zone = c.stakeholder.market.timeZone;
  // The plan's local hour on a working day, moved a day on when someone is already busy.
  let local = DateTime.fromJSDate(now, { zone }).plus({ days: plan.days }).set({ hour: plan.hour, minute: 0, second: 0, millisecond: 0 });
  let start = 0;
  let end = 0;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    while (local.weekday > 5) local = local.plus({ days: plan.days < 0 ? -1 : 1 });
    start = local.toMillis();
    end = start + plan.hours * HOUR_MS;
    if (!users.some((u) => (busy.get(u) ?? []).some(([s, e]) => s < end && start < e))) break;
    local = local.plus({ days: plan.days < 0 ? -1 : 1 });
  }
  const past = end < now.getTime();
  // A churned partner was not met after leaving.
  if (past && c.status === CaseStatus.CHURNED && start >= c.times[c.times.length - 1].getTime()) return;
  // A meeting said to be upcoming must not have started already (e.g. "today" at an hour gone by).
  if (!past && start <= now.getTime()) return;
  for (const u of users) busy.set(u, [...(busy.get(u) ?? []), [start, end]]);

  const id = randomUUID();
  const startsAt = new Date(start);
  const endsAt = new Date(end);
  const bookedAt = new Date(Math.min(start - 7 * DAY_MS, now.getTime() - DAY_MS));
  const inPerson = plan.kind === MeetingKind.SITE_VISIT || plan.kind === MeetingKind.EXECUTIVE_VISIT;
  const people = contacts.filter((p) => p.stakeholderId === c.stakeholder.id);
  const present = people.filter((p, i) => p.isExecutive === (plan.kind === MeetingKind.EXECUTIVE_VISIT) || i === 0).slice(0, 2);
  const sentiment = past ? Math.min(2, Math.max(-1, plan.days < -90 ? -1 : random.int(0, 2))) : null;
  const meeting: Row = {
    id,
    uid: `meeting-${id}@regain`,
    kind: plan.kind,
    title: `${plan.title}: ${c.stakeholder.row.name as string}`.slice(0, 200),
    stakeholder_id: c.stakeholder.id,
    case_id: c.id,
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: zone,
    location: inPerson ? `${c.stakeholder.row.name as string}, head office` : null,
    video_link: inPerson ? null : `https://meet.example/${id.slice(0, 8)}`,
    organiser_id: organiser,
    agenda: 'Status of the replacement and reflashing; open commitments; KPIs of the joint recovery plan; next steps.',
    status: past ? MeetingStatus.COMPLETED : MeetingStatus.SCHEDULED,
    outcome_summary: past ? 'Went through the open points; the partner sees progress and agreed the next steps below.' : null,
    sentiment,
    status_changed_at: past ? endsAt : null,
    status_changed_by_id: past ? organiser : null,
    created_at: bookedAt,
    updated_at: past ? endsAt : bookedAt,
  };
  out.meetings.push(meeting);
  out.attendees.push(...users.map((u) => ({ meeting_id: id, user_id: u, during: `[${startsAt.toISOString()},${endsAt.toISOString()})`, active: true })));
  out.contacts.push(...present.map((p) => ({ meeting_id: id, contact_id: p.id, stakeholder_id: c.stakeholder.id })));
  out.audit.push(
    audit(organiser, AuditedRecord.MEETING, id, bookedAt, 'MEETING_SCHEDULED', null, {
      kind: plan.kind,
      status: MeetingStatus.SCHEDULED,
      stakeholderId: c.stakeholder.id,
      caseId: c.id,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      timeZone: zone,
      attendeeUserIds: users,
      contactIds: present.map((p) => p.id),
    }),
  );
  if (!past) return;
  // Completing a meeting logs it as our contact on the case, with the most senior person present.
  const interactionId = randomUUID();
  out.interactions.push({
    id: interactionId,
    case_id: c.id,
    contact_id: present[0]?.id ?? null,
    channel: inPerson ? 'IN_PERSON' : 'VIDEO',
    direction: 'OUTBOUND',
    occurred_at: startsAt,
    actor_id: organiser,
    summary: `${plan.kind} "${meeting.title as string}": ${meeting.outcome_summary as string}`,
    outcome: 'REACHED',
    sentiment,
    template_version_id: null,
    created_at: endsAt,
  });
  out.audit.push(
    audit(organiser, AuditedRecord.MEETING, id, endsAt, 'MEETING_STATUS_CHANGED', { status: MeetingStatus.SCHEDULED }, {
      status: MeetingStatus.COMPLETED,
      outcomeSummary: meeting.outcome_summary,
      sentiment,
      interactionId,
    }),
  );
  // Our side's first promise: the executive's own at an executive visit.
  const promiser = plan.kind === MeetingKind.EXECUTIVE_VISIT ? staff.leadership : organiser;
  // Everyone who promises has one promise that slipped, so that "my overdue commitments" and its reminder show.
  const slipped = !late.has(promiser);
  late.add(promiser);
  addCommitments(out, random, c, meeting, people, organiser, promiser, slipped, endsAt, now);
}

function addCommitments(
  out: DemoMeetings,
  random: DemoRandom,
  c: DemoCase,
  meeting: Row,
  people: readonly DemoContact[],
  organiser: string,
  promiser: string,
  slipped: boolean,
  heldAt: Date,
  now: Date,
): void {
  const [ours, kpi, target, unit] = random.pick(OURS);
  const theirs = random.pick(THEIRS);
  const entries: { party: 'OURS' | 'THEIRS'; description: string; kpi: [string, number, string | null] | null }[] = [
    { party: 'OURS', description: ours, kpi: kpi ? [kpi, target!, unit] : null },
    { party: 'OURS', description: 'Send the written summary of this meeting and the updated plan', kpi: null },
    { party: 'THEIRS', description: theirs, kpi: null },
  ];
  entries.forEach((entry, index) => {
    const id = randomUUID();
    const first = index === 0;
    const due = new Date(heldAt.getTime() + (first && slipped ? 7 : random.int(7, 35)) * DAY_MS);
    const dueOn = due.toISOString().slice(0, 10);
    const isPast = due.getTime() < now.getTime() - DAY_MS;
    // Mostly kept on time; some late, a few dropped; ours still open past the date are the overdue ones.
    const roll = first && slipped ? 0.7 : random.next();
    const status = !isPast ? (roll < 0.3 ? 'DONE' : 'OPEN') : roll < 0.65 ? 'DONE' : roll < 0.8 ? 'OPEN' : roll < 0.9 ? 'DONE' : 'DROPPED';
    const late = isPast && roll >= 0.8 && roll < 0.9;
    const resolvedAt = status === 'OPEN' ? null : new Date(Math.min(now.getTime() - HOUR_MS, late ? due.getTime() + 5 * DAY_MS : heldAt.getTime() + (due.getTime() - heldAt.getTime()) * 0.7));
    const row: Row = {
      id,
      stakeholder_id: c.stakeholder.id,
      case_id: c.id,
      meeting_id: meeting.id,
      description: entry.description,
      party: entry.party,
      owner_user_id: entry.party === 'OURS' ? (first ? promiser : organiser) : null,
      owner_contact_id: entry.party === 'THEIRS' ? (people[0]?.id ?? null) : null,
      due_on: dueOn,
      kpi_name: entry.kpi?.[0] ?? null,
      kpi_target: entry.kpi ? String(entry.kpi[1]) : null,
      kpi_unit: entry.kpi?.[2] ?? null,
      status,
      status_note: status === 'DROPPED' ? 'Superseded by the joint plan agreed at the next review.' : null,
      status_changed_at: resolvedAt,
      status_changed_by_id: resolvedAt ? organiser : null,
      created_by_id: organiser,
      created_at: heldAt,
      updated_at: resolvedAt ?? heldAt,
    };
    if (entry.party === 'THEIRS' && !row.owner_contact_id) return;
    out.commitments.push(row);
    out.audit.push(
      audit(organiser, AuditedRecord.COMMITMENT, id, heldAt, 'COMMITMENT_ADDED', null, {
        stakeholderId: c.stakeholder.id,
        caseId: c.id,
        meetingId: meeting.id,
        party: entry.party,
        ownerUserId: row.owner_user_id,
        dueOn,
        status: 'OPEN',
      }),
    );
    if (resolvedAt) {
      out.audit.push(audit(organiser, AuditedRecord.COMMITMENT, id, resolvedAt, 'COMMITMENT_STATUS_CHANGED', { status: 'OPEN' }, { status, note: row.status_note }));
    }
  });
}

function audit(actorId: string, entityType: AuditedRecord, entityId: string, at: Date, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>): Row {
  return { occurred_at: at, actor_id: actorId, entity_type: entityType, entity_id: entityId, action, before, after };
}
