import { randomUUID } from 'node:crypto';
import { CasePriority, CaseStatus, ImpactLevel } from '../modules/cases/case.enums';
import { CrisisPhase } from '../modules/crises/crisis.enums';
import { StakeholderKind, StakeholderTier } from '../modules/stakeholders/stakeholder.enums';
import { OUTAGE_STORIES, Story, THERMOSTAT_STORIES } from './demo-case-stories';
import { DemoCrisis, HOUR_MS } from './demo-crises';
import { DemoRandom } from './demo-random';
import { DemoStakeholder } from './demo-stakeholder-rows';
import { Row } from './insert-rows';

export const CASE_COLUMNS = {
  id: 'uuid',
  crisis_id: 'uuid',
  stakeholder_id: 'uuid',
  impact: 'impact_level',
  estimated_loss_minor: 'bigint',
  loss_currency: 'text',
  description: 'text',
  owner_id: 'uuid',
  status: 'case_status',
  priority: 'case_priority',
  status_changed_at: 'timestamptz',
  opened_by_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const AUDIT_COLUMNS = {
  occurred_at: 'timestamptz',
  actor_id: 'uuid',
  entity_type: 'text',
  entity_id: 'uuid',
  action: 'text',
  before: 'jsonb',
  after: 'jsonb',
};

/** The way each status was reached, so that the audit trail tells a plausible story. */
const PATH_TO: Record<CaseStatus, readonly CaseStatus[]> = {
  IDENTIFIED: [CaseStatus.IDENTIFIED],
  CONTACTED: [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED],
  COMPENSATING: [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED, CaseStatus.COMPENSATING],
  RECOVERING: [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED, CaseStatus.COMPENSATING, CaseStatus.RECOVERING],
  RECOVERED: [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED, CaseStatus.COMPENSATING, CaseStatus.RECOVERING, CaseStatus.RECOVERED],
  CHURNED: [CaseStatus.IDENTIFIED, CaseStatus.CONTACTED, CaseStatus.CHURNED],
};

type Weights<T> = readonly (readonly [T, number])[];

/** Six months in: most cases are recovering or recovered, a few churned, a few still early. */
const OPEN_CRISIS_STATUSES: Weights<CaseStatus> = [
  [CaseStatus.IDENTIFIED, 4],
  [CaseStatus.CONTACTED, 9],
  [CaseStatus.COMPENSATING, 17],
  [CaseStatus.RECOVERING, 33],
  [CaseStatus.RECOVERED, 28],
  [CaseStatus.CHURNED, 9],
];
const CLOSED_CRISIS_STATUSES: Weights<CaseStatus> = [
  [CaseStatus.RECOVERED, 8],
  [CaseStatus.CHURNED, 2],
];

const IMPACT_PERCENT: Record<ImpactLevel, number> = { LOW: 40, MEDIUM: 100, HIGH: 250, CRITICAL: 500 };
const PRIORITY_BY_IMPACT: Record<ImpactLevel, CasePriority> = {
  CRITICAL: CasePriority.URGENT,
  HIGH: CasePriority.HIGH,
  MEDIUM: CasePriority.NORMAL,
  LOW: CasePriority.LOW,
};
const PRIORITIES = Object.values(CasePriority);

/** Base loss at MEDIUM impact, in minor units, before the impact multiplier. */
const LOSS_RANGE_MINOR: Record<DemoStakeholder['segment'], readonly [number, number]> = {
  Consumer: [8_000, 60_000],
  SMB: [80_000, 600_000],
  'Mid-market': [600_000, 4_000_000],
  Enterprise: [3_000_000, 25_000_000],
  Distributor: [40_000_000, 120_000_000],
  Installer: [3_000_000, 20_000_000],
  Retailer: [15_000_000, 80_000_000],
};

/** What the later builders (compensation, cadences, meetings) need to know about a case. */
export interface DemoCase {
  id: string;
  crisis: DemoCrisis;
  stakeholder: DemoStakeholder;
  status: CaseStatus;
  impact: ImpactLevel;
  lossMinor: bigint;
  /** When the case was opened and reached each status of PATH_TO[status], in order. */
  times: Date[];
  /** The audit entry of each step after opening, by the status it reached (the approval of compensation rewrites COMPENSATING's). */
  statusAudit: Map<CaseStatus, Row>;
  row: Row;
}

export interface DemoCases {
  cases: Row[];
  audit: Row[];
  infos: DemoCase[];
}

/**
 * Opens a case for `share` of the stakeholders in the crisis, owned by each stakeholder's owner
 * (agents for customers, partner managers for partners), with statuses reached along PATH_TO.
 */
export function buildCases(random: DemoRandom, crisis: DemoCrisis, stakeholders: readonly DemoStakeholder[], share: number): DemoCases {
  const closed = crisis.phase === CrisisPhase.CLOSED;
  const result: DemoCases = { cases: [], audit: [], infos: [] };
  for (const stakeholder of stakeholders) {
    if (!random.chance(share)) continue;
    if (closed && stakeholder.doNotContact) continue;
    let status = random.weighted(closed ? CLOSED_CRISIS_STATUSES : OPEN_CRISIS_STATUSES);
    // Nobody has spoken to a do-not-contact stakeholder yet: the owner has to decide how.
    if (stakeholder.doNotContact) status = CaseStatus.IDENTIFIED;
    const impact = impactFor(random, stakeholder, closed);
    const priority = priorityFor(impact, stakeholder.tier, status);
    const loss = lossFor(random, stakeholder, impact, closed);
    const times = timeline(random, crisis, impact, PATH_TO[status].length);
    const id = randomUUID();
    const story = random.pick(storiesFor(stakeholder, closed));
    const row: Row = {
      id,
      crisis_id: crisis.id,
      stakeholder_id: stakeholder.id,
      impact,
      estimated_loss_minor: String(loss),
      loss_currency: stakeholder.market.currency,
      description: story(random),
      owner_id: stakeholder.ownerId,
      status,
      priority,
      status_changed_at: times[times.length - 1],
      opened_by_id: stakeholder.ownerId,
      created_at: times[0],
      updated_at: times[times.length - 1],
    };
    result.cases.push(row);
    const statusAudit = new Map<CaseStatus, Row>();
    result.infos.push({ id, crisis, stakeholder, status, impact, lossMinor: BigInt(loss), times, statusAudit, row });
    result.audit.push(
      caseAudit(stakeholder.ownerId, id, times[0], 'CASE_OPENED', null, {
        crisisId: crisis.id,
        stakeholderId: stakeholder.id,
        ownerId: stakeholder.ownerId,
        status: CaseStatus.IDENTIFIED,
        impact,
        priority,
        estimatedLoss: { amountMinor: String(loss), currency: stakeholder.market.currency },
      }),
    );
    PATH_TO[status].forEach((step, i) => {
      if (i === 0) return;
      const previous = PATH_TO[status][i - 1];
      const entry = caseAudit(stakeholder.ownerId, id, times[i], 'CASE_STATUS_CHANGED', { status: previous }, { status: step, note: null });
      statusAudit.set(step, entry);
      result.audit.push(entry);
    });
  }
  return result;
}

function impactFor(random: DemoRandom, stakeholder: DemoStakeholder, closed: boolean): ImpactLevel {
  if (closed) return random.weighted([[ImpactLevel.LOW, 6], [ImpactLevel.MEDIUM, 3], [ImpactLevel.HIGH, 1]]);
  if (stakeholder.kind === StakeholderKind.PARTNER) {
    return random.weighted([[ImpactLevel.MEDIUM, 25], [ImpactLevel.HIGH, 45], [ImpactLevel.CRITICAL, 30]]);
  }
  if (stakeholder.segment === 'Consumer') {
    return random.weighted([[ImpactLevel.LOW, 30], [ImpactLevel.MEDIUM, 40], [ImpactLevel.HIGH, 22], [ImpactLevel.CRITICAL, 8]]);
  }
  return random.weighted([[ImpactLevel.LOW, 15], [ImpactLevel.MEDIUM, 35], [ImpactLevel.HIGH, 35], [ImpactLevel.CRITICAL, 15]]);
}

/** Urgency follows impact, one step up for strategic accounts; settled cases drop to the bottom. */
function priorityFor(impact: ImpactLevel, tier: StakeholderTier, status: CaseStatus): CasePriority {
  if (status === CaseStatus.RECOVERED || status === CaseStatus.CHURNED) return CasePriority.LOW;
  const index = PRIORITIES.indexOf(PRIORITY_BY_IMPACT[impact]);
  return PRIORITIES[Math.max(0, tier === StakeholderTier.STRATEGIC ? index - 1 : index)];
}

/** Integer arithmetic only: a random base, scaled by the impact percentage, rounded to whole units. */
function lossFor(random: DemoRandom, stakeholder: DemoStakeholder, impact: ImpactLevel, closed: boolean): number {
  const [min, max] = LOSS_RANGE_MINOR[stakeholder.segment];
  const base = random.int(min / 100, max / 100) * 100;
  const scaled = Math.floor((base * IMPACT_PERCENT[impact] * (closed ? 20 : 100)) / 10_000);
  return Math.max(100, Math.floor(scaled / 100) * 100);
}

/**
 * When the case was opened and when it reached each later status. High-impact stakeholders are
 * mostly contacted inside the golden four hours; a few are late, as in real life.
 */
function timeline(random: DemoRandom, crisis: DemoCrisis, impact: ImpactLevel, steps: number): Date[] {
  const limit = crisis.activeUntil.getTime() - HOUR_MS / 2;
  const opened = crisis.createdAt.getTime() + HOUR_MS + Math.floor(random.next() ** 2 * 95 * HOUR_MS);
  const times = [opened];
  for (let i = 1; i < steps; i += 1) {
    const previous = times[i - 1];
    let next: number;
    if (i === 1) {
      const urgent = impact === ImpactLevel.HIGH || impact === ImpactLevel.CRITICAL;
      const minutes = urgent && random.chance(0.85) ? random.int(20, 230) : random.int(5 * 60, 72 * 60);
      next = previous + minutes * 60_000;
    } else {
      next = previous + Math.floor((limit - previous) * (0.08 + 0.3 * random.next()));
    }
    times.push(Math.min(next, limit - (steps - i) * 60_000));
  }
  // Whole seconds, as a person logging the change would see them.
  return times.map((t) => new Date(Math.floor(t / 1000) * 1000));
}

function storiesFor(stakeholder: DemoStakeholder, closed: boolean): readonly Story[] {
  const consumer = stakeholder.segment === 'Consumer';
  if (closed) return OUTAGE_STORIES[consumer ? 'consumer' : 'business'];
  if (stakeholder.kind === StakeholderKind.PARTNER) {
    return THERMOSTAT_STORIES[stakeholder.segment as 'Distributor' | 'Installer' | 'Retailer'];
  }
  return THERMOSTAT_STORIES[consumer ? 'consumer' : 'business'];
}

function caseAudit(
  actorId: string,
  caseId: string,
  occurredAt: Date,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Row {
  return { occurred_at: occurredAt, actor_id: actorId, entity_type: 'RECOVERY_CASE', entity_id: caseId, action, before, after };
}
