import { randomUUID } from 'node:crypto';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from '../modules/crises/crisis.enums';
import { DemoStaff } from './demo-users';
import { Row } from './insert-rows';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface DemoCrisis {
  id: string;
  title: string;
  startedAt: Date;
  severity: CrisisSeverity;
  phase: CrisisPhase;
  detectedAt: Date;
  /** When the crisis record was created, i.e. when cases could first be opened. */
  createdAt: Date;
  /** The last moment anything happened to its cases (closing time for a closed crisis). */
  activeUntil: Date;
  row: Row;
  phaseChanges: Row[];
  audit: Row[];
}

export const CRISIS_COLUMNS = {
  id: 'uuid',
  title: 'text',
  description: 'text',
  category: 'crisis_category',
  severity: 'crisis_severity',
  phase: 'crisis_phase',
  started_at: 'timestamptz',
  detected_at: 'timestamptz',
  first_statement_at: 'timestamptz',
  lead_id: 'uuid',
  spokesperson_id: 'uuid',
  created_by_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const PHASE_CHANGE_COLUMNS = {
  crisis_id: 'uuid',
  from_phase: 'crisis_phase',
  to_phase: 'crisis_phase',
  note: 'text',
  changed_by_id: 'uuid',
  changed_at: 'timestamptz',
};

interface PhaseStep {
  to: CrisisPhase;
  afterDetectionMs: number;
  note: string;
}

interface CrisisSpec {
  title: string;
  description: string;
  category: CrisisCategory;
  severity: CrisisSeverity;
  detectedAt: Date;
  startedBeforeDetectionMs: number;
  statementAfterDetectionMs: number;
  phases: PhaseStep[];
}

/** How long ago the severe crisis was detected: long enough for a recovery curve of six months. */
export const SEVERE_CRISIS_AGE_DAYS = 182;

/**
 * The severe crisis everything in the demo revolves around, about six months after it hit and
 * well into recovery, so that cases are at every stage, the golden-4-hours clock has history
 * and the monthly curves show the dip and the climb back.
 */
export function severeCrisis(staff: DemoStaff, now: Date): DemoCrisis {
  const detectedAt = new Date(Math.floor((now.getTime() - SEVERE_CRISIS_AGE_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS + 40 * 60_000);
  return buildCrisis(staff, now, {
    title: 'Overheating in Aurora smart thermostat firmware 4.2',
    description: [
      'After firmware 4.2 rolled out over the air to Aurora A2 and A2 Pro smart thermostats, a fault in the',
      'heating-relay control loop can keep the relay energised: the casing overheats, the unit shuts down and',
      'leaves the home or premises without heating, and in some cases scorches the wall plate or sets off smoke',
      'alarms. About 38,000 units in Europe and North America received 4.2 before the rollout was halted.',
      'Firmware 4.2.1 with a thermal cut-off is being pushed to all units; damaged units are replaced free of',
      'charge, installers are paid for call-outs, and partners holding 4.2 stock get it reflashed at our cost.',
    ].join(' '),
    category: CrisisCategory.PRODUCT_QUALITY,
    severity: CrisisSeverity.SEVERE,
    detectedAt,
    startedBeforeDetectionMs: 5 * HOUR_MS,
    statementAfterDetectionMs: 3 * HOUR_MS,
    phases: [
      { to: CrisisPhase.RESPONSE, afterDetectionMs: 25 * 60_000, note: 'Confirmed by support escalations and telemetry; firmware rollout halted, crisis team convened.' },
      { to: CrisisPhase.RECOVERY, afterDetectionMs: 38 * DAY_MS, note: 'Firmware 4.2.1 on 99% of units and replacements shipped; the work is now winning customers and partners back.' },
    ],
  });
}

/** An earlier, closed crisis, so that lists, filters and recovery curves have a finished example to compare with. */
export function closedOutage(staff: DemoStaff, now: Date): DemoCrisis {
  const detectedAt = new Date(Math.floor((now.getTime() - 470 * DAY_MS) / HOUR_MS) * HOUR_MS + 15 * 60_000);
  return buildCrisis(staff, now, {
    title: 'Aurora Cloud outage: remote control and schedules unavailable for 31 hours',
    description: [
      'A failed database migration in the Aurora Cloud took the app, remote control, heating schedules and',
      'energy reports offline for 31 hours. Thermostats kept heating at their last local setpoint. The service',
      'was restored from backup; schedule changes made during the outage were lost and had to be re-entered.',
    ].join(' '),
    category: CrisisCategory.SERVICE_OUTAGE,
    severity: CrisisSeverity.MODERATE,
    detectedAt,
    startedBeforeDetectionMs: 2 * HOUR_MS,
    statementAfterDetectionMs: 2 * HOUR_MS,
    phases: [
      { to: CrisisPhase.RESPONSE, afterDetectionMs: 20 * 60_000, note: 'Outage confirmed; incident bridge open.' },
      { to: CrisisPhase.RECOVERY, afterDetectionMs: 3 * DAY_MS, note: 'Service restored and verified; outreach to affected customers under way.' },
      { to: CrisisPhase.CLOSED, afterDetectionMs: 150 * DAY_MS, note: 'Recovery targets met: churn and NPS back at their pre-outage baseline.' },
    ],
  });
}

function buildCrisis(staff: DemoStaff, now: Date, spec: CrisisSpec): DemoCrisis {
  const id = randomUUID();
  const detected = spec.detectedAt.getTime();
  const at = (offsetMs: number) => new Date(detected + offsetMs);
  const createdAt = at(spec.phases[0].afterDetectionMs);
  const lastChange = at(spec.phases[spec.phases.length - 1].afterDetectionMs);
  const phase = spec.phases[spec.phases.length - 1].to;
  const phaseChanges = spec.phases.map((step, i) => ({
    crisis_id: id,
    from_phase: i === 0 ? null : spec.phases[i - 1].to,
    to_phase: step.to,
    note: step.note,
    changed_by_id: staff.leadership,
    changed_at: at(step.afterDetectionMs),
  }));
  const row: Row = {
    id,
    title: spec.title,
    description: spec.description,
    category: spec.category,
    severity: spec.severity,
    phase,
    started_at: at(-spec.startedBeforeDetectionMs),
    detected_at: spec.detectedAt,
    first_statement_at: at(spec.statementAfterDetectionMs),
    lead_id: staff.leadership,
    spokesperson_id: staff.comms,
    created_by_id: staff.leadership,
    created_at: createdAt,
    updated_at: lastChange,
  };
  const audit: Row[] = [
    crisisAudit(staff, id, createdAt, 'CRISIS_CREATED', null, {
      title: spec.title,
      category: spec.category,
      severity: spec.severity,
      startedAt: (row.started_at as Date).toISOString(),
      detectedAt: spec.detectedAt.toISOString(),
      firstStatementAt: (row.first_statement_at as Date).toISOString(),
      leadId: staff.leadership,
      spokespersonId: staff.comms,
      phase: spec.phases[0].to,
    }),
    ...phaseChanges.slice(1).map((change) =>
      crisisAudit(staff, id, change.changed_at, 'CRISIS_PHASE_CHANGED', { phase: change.from_phase }, { phase: change.to_phase, note: change.note }),
    ),
  ];
  return {
    id,
    title: spec.title,
    startedAt: row.started_at as Date,
    severity: spec.severity,
    phase,
    detectedAt: spec.detectedAt,
    createdAt,
    activeUntil: phase === CrisisPhase.CLOSED ? lastChange : now,
    row,
    phaseChanges,
    audit,
  };
}

function crisisAudit(
  staff: DemoStaff,
  crisisId: string,
  occurredAt: Date,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Row {
  return { occurred_at: occurredAt, actor_id: staff.leadership, entity_type: 'CRISIS', entity_id: crisisId, action, before, after };
}
