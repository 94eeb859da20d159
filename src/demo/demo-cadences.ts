import { randomUUID } from 'node:crypto';
import { AuditedRecord } from '../modules/audit/audited-record.enum';
import { CaseStatus, ImpactLevel } from '../modules/cases/case.enums';
import { OutreachAction } from '../modules/cadences/outreach.enums';
import { PlannedDue, planStepDueTimes } from '../modules/cadences/task-schedule';
import { CrisisSeverity } from '../modules/crises/crisis.enums';
import { ContactChannel } from '../modules/stakeholders/stakeholder.enums';
import { DemoCase } from './demo-cases';
import { DAY_MS, HOUR_MS } from './demo-crises';
import { DemoRandom } from './demo-random';
import { ApprovedTemplate } from './demo-templates';
import { DemoStaff } from './demo-users';
import { Row } from './insert-rows';

export const CADENCE_COLUMNS = { id: 'uuid', name: 'text', description: 'text', is_active: 'boolean', created_by_id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz' };
export const CADENCE_STEP_COLUMNS = { cadence_id: 'uuid', position: 'int', offset_iso: 'text', channel: 'contact_channel', action: 'outreach_action', template_id: 'uuid' };
export const CADENCE_MATRIX_COLUMNS = { severity: 'crisis_severity', impact: 'impact_level', cadence_id: 'uuid', updated_by_id: 'uuid', updated_at: 'timestamptz' };
export const ENROLMENT_COLUMNS = {
  id: 'uuid',
  case_id: 'uuid',
  cadence_id: 'uuid',
  status: 'cadence_enrolment_status',
  enrolled_at: 'timestamptz',
  enrolled_by_id: 'uuid',
  stopped_at: 'timestamptz',
  stop_reason: 'text',
  created_at: 'timestamptz',
};
export const TASK_COLUMNS = {
  enrolment_id: 'uuid',
  case_id: 'uuid',
  step_position: 'int',
  channel: 'contact_channel',
  action: 'outreach_action',
  template_id: 'uuid',
  due_at: 'timestamptz',
  original_due_at: 'timestamptz',
  fatigue_note: 'text',
  status: 'outreach_task_status',
  done_interaction_id: 'uuid',
  skipped_reason: 'text',
  completed_at: 'timestamptz',
  created_at: 'timestamptz',
};
export const INTERACTION_COLUMNS = {
  id: 'uuid',
  case_id: 'uuid',
  contact_id: 'uuid',
  channel: 'contact_channel',
  direction: 'interaction_direction',
  occurred_at: 'timestamptz',
  actor_id: 'uuid',
  summary: 'text',
  outcome: 'interaction_outcome',
  sentiment: 'smallint',
  template_version_id: 'uuid',
  created_at: 'timestamptz',
};

type Step = [offset: string, channel: ContactChannel, action: OutreachAction];

const { PHONE, EMAIL, VIDEO, IN_PERSON } = ContactChannel;
const { CALL, MEETING, SURVEY } = OutreachAction;

interface CadenceSpec {
  key: 'intensive' | 'standard' | 'light' | 'weekly';
  name: string;
  description: string;
  steps: Step[];
}

const CADENCES: readonly CadenceSpec[] = [
  {
    key: 'intensive',
    name: 'Severe crisis: high-impact recovery',
    description: 'Golden-hours call, then close follow-up for a month and monthly check-ins until the stakeholder has recovered.',
    steps: [
      ['PT2H', PHONE, CALL], ['P1D', EMAIL, OutreachAction.EMAIL], ['P3D', PHONE, CALL], ['P7D', VIDEO, MEETING], ['P14D', PHONE, CALL],
      ['P1M', EMAIL, SURVEY], ['P2M', PHONE, CALL], ['P3M', VIDEO, MEETING], ['P4M', EMAIL, SURVEY], ['P5M', PHONE, CALL],
      ['P6M', IN_PERSON, MEETING], ['P7M', EMAIL, SURVEY], ['P9M', PHONE, CALL],
    ],
  },
  {
    key: 'standard',
    name: 'Severe crisis: standard follow-up',
    description: 'An apology the first day, a call in the first week, then a monthly survey or call.',
    steps: [
      ['P1D', EMAIL, OutreachAction.EMAIL], ['P5D', PHONE, CALL], ['P1M', EMAIL, SURVEY], ['P2M', PHONE, CALL], ['P3M', EMAIL, SURVEY],
      ['P4M', PHONE, CALL], ['P5M', EMAIL, SURVEY], ['P6M', PHONE, CALL], ['P7M', EMAIL, SURVEY], ['P8M', PHONE, CALL],
    ],
  },
  {
    key: 'light',
    name: 'Moderate incident: light touch',
    description: 'An apology email, one call and a survey a month later.',
    steps: [['P1D', EMAIL, OutreachAction.EMAIL], ['P7D', PHONE, CALL], ['P1M', EMAIL, SURVEY]],
  },
  {
    key: 'weekly',
    name: 'Weekly check-in during replacement',
    description: 'For customers waiting for a replacement: a call or email every few days until it is installed.',
    steps: [['P1D', PHONE, CALL], ['P3D', EMAIL, OutreachAction.EMAIL], ['P7D', PHONE, CALL], ['P10D', EMAIL, OutreachAction.EMAIL], ['P14D', PHONE, CALL], ['P21D', EMAIL, SURVEY]],
  },
];

/** Severity × impact: who gets which plan. */
const MATRIX: readonly [CrisisSeverity, ImpactLevel, CadenceSpec['key']][] = [
  [CrisisSeverity.CRITICAL, ImpactLevel.CRITICAL, 'intensive'],
  [CrisisSeverity.CRITICAL, ImpactLevel.HIGH, 'intensive'],
  [CrisisSeverity.SEVERE, ImpactLevel.CRITICAL, 'intensive'],
  [CrisisSeverity.SEVERE, ImpactLevel.HIGH, 'intensive'],
  [CrisisSeverity.SEVERE, ImpactLevel.MEDIUM, 'standard'],
  [CrisisSeverity.SEVERE, ImpactLevel.LOW, 'standard'],
  [CrisisSeverity.MODERATE, ImpactLevel.HIGH, 'standard'],
  [CrisisSeverity.MODERATE, ImpactLevel.MEDIUM, 'light'],
  [CrisisSeverity.MODERATE, ImpactLevel.LOW, 'light'],
];

interface DemoCadence {
  id: string;
  spec: CadenceSpec;
  steps: { position: number; offset: string; channel: ContactChannel; action: OutreachAction; templateId: string | null }[];
}

export interface DemoOutreach {
  cadences: Row[];
  steps: Row[];
  matrix: Row[];
  enrolments: Row[];
  tasks: Row[];
  interactions: Row[];
  audit: Row[];
}

export interface OutreachInput {
  random: DemoRandom;
  staff: DemoStaff;
  cases: readonly DemoCase[];
  /** The first contact of each stakeholder (the one an agent would call). */
  contactOf: Map<string, string>;
  templates: Map<ContactChannel, ApprovedTemplate>;
  now: Date;
  weeklyTouchLimit: number;
  /** Whose "my day" must show a task due today and overdue ones (agent@). */
  focusAgent: string;
}

/**
 * Cadences, the severity × impact matrix, and every case enrolled as opening it enrols it: in
 * the matrix's cadence at the moment it was opened, its tasks planned by the enrolment's own
 * planning function (offsets in the stakeholder's zone, business hours, weekly contact limit).
 * Past tasks were done by an outbound interaction (a few skipped, a few left overdue); closed
 * cases' enrolments stopped when they closed, their open tasks cancelled. A few of agent@'s
 * customers were moved by hand to the weekly check-in, enrolled at a moment chosen so that a
 * task falls due later today (on a working day) and one is overdue.
 */
export function buildOutreach(input: OutreachInput): DemoOutreach {
  const { staff } = input;
  const out: DemoOutreach = { cadences: [], steps: [], matrix: [], enrolments: [], tasks: [], interactions: [], audit: [] };
  const setUpAt = new Date(Math.min(...input.cases.map((c) => c.crisis.detectedAt.getTime())) - 30 * DAY_MS);
  const cadences = new Map<CadenceSpec['key'], DemoCadence>();
  for (const spec of CADENCES) {
    const id = randomUUID();
    const steps = spec.steps.map(([offset, channel, action], i) => ({
      position: i + 1,
      offset,
      channel,
      action,
      // Emails and calls carry the approved wording of their channel; surveys and meetings have none.
      templateId: action === CALL || action === OutreachAction.EMAIL ? (input.templates.get(channel)?.templateId ?? null) : null,
    }));
    cadences.set(spec.key, { id, spec, steps });
    out.cadences.push({ id, name: spec.name, description: spec.description, is_active: true, created_by_id: staff.admin, created_at: setUpAt, updated_at: setUpAt });
    out.steps.push(...steps.map((s) => ({ cadence_id: id, position: s.position, offset_iso: s.offset, channel: s.channel, action: s.action, template_id: s.templateId })));
    out.audit.push(audit(staff.admin, AuditedRecord.CADENCE, id, setUpAt, 'CADENCE_CREATED', null, { name: spec.name, steps: steps.length }));
  }
  for (const [severity, impact, key] of MATRIX) {
    const cadence = cadences.get(key)!;
    out.matrix.push({ severity, impact, cadence_id: cadence.id, updated_by_id: staff.admin, updated_at: setUpAt });
    out.audit.push(audit(staff.admin, AuditedRecord.CADENCE, cadence.id, setUpAt, 'CADENCE_MATRIX_SET', null, { severity, impact, cadenceId: cadence.id }));
  }

  const matrixOf = new Map(MATRIX.map(([s, i, key]) => [`${s}:${i}`, cadences.get(key)!]));
  const focus = input.cases.filter(
    (c) => c.stakeholder.ownerId === input.focusAgent && !c.stakeholder.doNotContact && (c.status === CaseStatus.RECOVERING || c.status === CaseStatus.COMPENSATING),
  );
  // Slot 0: a task later today; slot 1: one overdue since today or yesterday; slot 2: enrolled two days ago.
  // Each slot takes the first of the owner's customers whose zone allows it (business hours differ by zone).
  const weekly = cadences.get('weekly')!;
  const moved = new Map<string, Date>();
  for (const slot of [0, 1, 2]) {
    for (const c of focus.slice(0, 8)) {
      if (moved.has(c.id)) continue;
      const at = weeklyEnrolmentTime(input, c, weekly, slot);
      if (!at) continue;
      moved.set(c.id, at);
      break;
    }
  }
  for (const c of input.cases) {
    if (c.stakeholder.doNotContact) continue;
    const cadence = matrixOf.get(`${c.crisis.severity}:${c.impact}`);
    if (!cadence) continue;
    const closedAt = c.status === CaseStatus.RECOVERED || c.status === CaseStatus.CHURNED ? c.times[c.times.length - 1] : null;
    const enrolledAt = moved.get(c.id);
    if (enrolledAt === undefined) {
      enrol(out, input, c, cadence, c.times[0], closedAt ? { at: closedAt, reason: `Case became ${c.status}` } : null);
      continue;
    }
    enrol(out, input, c, cadence, c.times[0], { at: enrolledAt, reason: 'Moved to the weekly check-in while the replacement is installed' });
    enrol(out, input, c, weekly, enrolledAt, null, true);
  }
  return out;
}

/**
 * When agent@ moved a customer to the weekly check-in: the latest quarter hour in the last two
 * weeks at which the plan puts a step later today (slot 0) or a step overdue since earlier today
 * or yesterday (slot 1), null when the customer's zone allows none (a weekend); two days ago for slot 2.
 */
function weeklyEnrolmentTime(input: OutreachInput, c: DemoCase, cadence: DemoCadence, slot: number): Date | null {
  const now = input.now.getTime();
  const endOfDay = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate() + 1);
  const earliest = Math.min(now - 2 * HOUR_MS, Math.max(c.times[c.times.length - 1].getTime() + HOUR_MS, now - 14 * DAY_MS));
  const offsets = cadence.steps.map((s) => s.offset);
  for (let t = Math.floor((now - HOUR_MS) / 900_000) * 900_000; slot < 2 && t > earliest; t -= 900_000) {
    const due = planStepDueTimes(new Date(t), offsets, c.stakeholder.market.timeZone, [], input.weeklyTouchLimit).map((p) => p.dueAt.getTime());
    if (slot === 0 && due.some((d) => d > now && d < endOfDay)) return new Date(t);
    if (slot === 1 && due.some((d) => d < now && d > now - 2 * DAY_MS)) return new Date(t);
  }
  return slot < 2 ? null : new Date(Math.max(earliest, now - 2 * DAY_MS - 3 * HOUR_MS));
}

function enrol(
  out: DemoOutreach,
  input: OutreachInput,
  c: DemoCase,
  cadence: DemoCadence,
  enrolledAt: Date,
  stop: { at: Date; reason: string } | null,
  /** Leave the latest task that fell due undone (the owner's overdue work). */
  keepOverdue = false,
): void {
  const { random, now } = input;
  const id = randomUUID();
  const owner = c.stakeholder.ownerId;
  const planned = planStepDueTimes(enrolledAt, cadence.steps.map((s) => s.offset), c.stakeholder.market.timeZone, [], input.weeklyTouchLimit);
  const hand = cadence.spec.key === 'weekly';
  out.enrolments.push({
    id,
    case_id: c.id,
    cadence_id: cadence.id,
    status: stop ? 'STOPPED' : 'ACTIVE',
    enrolled_at: enrolledAt,
    enrolled_by_id: owner,
    stopped_at: stop?.at ?? null,
    stop_reason: stop?.reason ?? null,
    created_at: enrolledAt,
  });
  out.audit.push(
    audit(owner, AuditedRecord.CADENCE_ENROLMENT, id, enrolledAt, 'CADENCE_ENROLLED', null, {
      caseId: c.id,
      cadenceId: cadence.id,
      cadenceName: cadence.spec.name,
      by: hand ? 'HAND' : 'MATRIX',
      tasks: cadence.steps.length,
    }),
  );
  const end = (stop?.at ?? now).getTime();
  const contacted = c.times[1]?.getTime() ?? null;
  // Which past tasks the owner left undone: the latest one or two of open cases, now and then.
  const pastCount = planned.filter((p) => p.dueAt.getTime() < end).length;
  const overdueFrom = stop ? Infinity : keepOverdue ? pastCount - 1 : random.chance(0.12) ? pastCount - 1 : Infinity;
  cadence.steps.forEach((step, i) => {
    const due = planned[i];
    const dueAt = due.dueAt.getTime();
    const task = taskRow(id, c.id, step, due, enrolledAt);
    out.tasks.push(task);
    if (dueAt >= end) {
      if (stop) Object.assign(task, { status: 'CANCELLED', completed_at: stop.at });
      return;
    }
    // Nobody has reached an IDENTIFIED case yet: its tasks are all still open, and late.
    if (contacted === null || i >= overdueFrom) return;
    if (random.chance(0.05)) {
      Object.assign(task, { status: 'SKIPPED', skipped_reason: 'Reached them on another channel the same day.', completed_at: new Date(Math.min(end - 60_000, dueAt + HOUR_MS)) });
      return;
    }
    const at = Math.min(end - 60_000, Math.max(dueAt, contacted) + random.int(5, 90) * 60_000);
    const interaction = doneBy(input, c, step, new Date(Math.floor(at / 1000) * 1000), i);
    out.interactions.push(interaction);
    Object.assign(task, { status: 'DONE', done_interaction_id: interaction.id, completed_at: interaction.occurred_at });
  });
  if (stop) {
    out.audit.push(audit(owner, AuditedRecord.CADENCE_ENROLMENT, id, stop.at, 'CADENCE_ENROLMENT_STOPPED', { status: 'ACTIVE' }, { status: 'STOPPED', reason: stop.reason }));
  }
}

function taskRow(enrolmentId: string, caseId: string, step: DemoCadence['steps'][number], due: PlannedDue, createdAt: Date): Row {
  return {
    enrolment_id: enrolmentId,
    case_id: caseId,
    step_position: step.position,
    channel: step.channel,
    action: step.action,
    template_id: step.templateId,
    due_at: due.dueAt,
    original_due_at: due.originalDueAt,
    fatigue_note: due.fatigueNote,
    status: 'OPEN',
    done_interaction_id: null,
    skipped_reason: null,
    completed_at: null,
    created_at: createdAt,
  };
}

const SUMMARIES: Record<OutreachAction, string> = {
  CALL: 'Called about the replacement and how the heating has been since; notes on the case.',
  EMAIL: 'Sent the update on firmware 4.2.1 and the replacement.',
  MEETING: 'Review meeting: went through the open points and the next steps.',
  SURVEY: 'Sent the satisfaction and trust survey.',
};

/** The outbound interaction that did a task, citing the channel's approved wording when it existed at the time. */
function doneBy(input: OutreachInput, c: DemoCase, step: DemoCadence['steps'][number], at: Date, index: number): Row {
  const { random } = input;
  const template = input.templates.get(step.channel);
  const cited = step.templateId && template && template.approvedAt < at && c.crisis.phase !== 'CLOSED' && random.chance(0.85);
  // Sentiment follows the case: low in the first weeks, better as the recovery takes hold.
  const hope = c.status === CaseStatus.CHURNED ? -1 : c.status === CaseStatus.RECOVERED ? 1 : 0;
  const sentiment = Math.max(-2, Math.min(2, Math.round(-1.5 + index * 0.35 + hope + random.next() - 0.5)));
  return {
    id: randomUUID(),
    case_id: c.id,
    contact_id: input.contactOf.get(c.stakeholder.id) ?? null,
    channel: step.channel,
    direction: 'OUTBOUND',
    occurred_at: at,
    actor_id: c.stakeholder.ownerId,
    summary: SUMMARIES[step.action],
    outcome: random.chance(0.8) ? 'REACHED' : 'LEFT_MESSAGE',
    sentiment: step.action === SURVEY ? null : sentiment,
    template_version_id: cited ? template.versionId : null,
    created_at: at,
  };
}

function audit(actorId: string, entityType: AuditedRecord, entityId: string, at: Date, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>): Row {
  return { occurred_at: at, actor_id: actorId, entity_type: entityType, entity_id: entityId, action, before, after };
}
