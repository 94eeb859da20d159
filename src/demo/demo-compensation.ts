import { randomUUID } from 'node:crypto';
import { AuditedRecord } from '../modules/audit/audited-record.enum';
import { CaseStatus } from '../modules/cases/case.enums';
import { decideApproval, DEFAULT_APPROVAL_POLICY, limitFor } from '../modules/compensation/approval-policy';
import { COUPON_ALPHABET } from '../modules/compensation/coupon-code';
import { CompensationKind, CompensationStatus } from '../modules/compensation/compensation.enums';
import { canCompensationTransition } from '../modules/compensation/compensation-transitions';
import { proposalShapeProblems } from '../modules/compensation/proposal-rules';
import { StakeholderKind } from '../modules/stakeholders/stakeholder.enums';
import { UserRole } from '../modules/users/user-role.enum';
import { DemoCase } from './demo-cases';
import { DAY_MS, HOUR_MS } from './demo-crises';
import { DemoRandom } from './demo-random';
import { DemoStaff } from './demo-users';
import { Row } from './insert-rows';

export const COMPENSATION_COLUMNS = {
  id: 'uuid',
  case_id: 'uuid',
  kind: 'compensation_kind',
  status: 'compensation_status',
  value_minor: 'bigint',
  currency: 'text',
  refund_reference: 'text',
  coupon_percent: 'smallint',
  coupon_expires_on: 'date',
  coupon_code: 'text',
  extension_months: 'smallint',
  description: 'text',
  proposed_by_id: 'uuid',
  proposed_at: 'timestamptz',
  approved_by_id: 'uuid',
  approved_at: 'timestamptz',
  approval_justification: 'text',
  rejected_by_id: 'uuid',
  rejected_at: 'timestamptz',
  rejection_reason: 'text',
  cancelled_by_id: 'uuid',
  cancelled_at: 'timestamptz',
  cancellation_reason: 'text',
  issued_by_id: 'uuid',
  issued_at: 'timestamptz',
  issue_reference: 'text',
  contract_end_before: 'date',
  contract_end_after: 'date',
  responded_by_id: 'uuid',
  responded_at: 'timestamptz',
  decline_reason: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

const { PROPOSED, APPROVED, REJECTED, CANCELLED, ISSUED, ACCEPTED, DECLINED } = CompensationStatus;

export interface DemoCompensation {
  rows: Row[];
  audit: Row[];
}

interface Proposal {
  kind: CompensationKind;
  valueMinor: bigint;
  refundReference?: string;
  couponPercent?: number;
  couponExpiresOn?: string;
  extensionMonths?: number;
  description?: string;
}

/**
 * Compensation on the cases, in every state, along the lifecycle the services allow: proposed by
 * the case owner, approved by someone else inside their limit and the fairness ratio (checked with
 * the approval policy itself; beyond it only leadership, with a justification), issued, then
 * accepted or declined. Approving the first compensation is what moved a case to COMPENSATING, so
 * that step of the case's audit trail is rewritten to the approver, as the approval service does.
 * Cases still in CONTACTED carry the proposals waiting in the approval queues.
 */
export function buildCompensation(random: DemoRandom, staff: DemoStaff, cases: readonly DemoCase[], now: Date): DemoCompensation {
  const out: DemoCompensation = { rows: [], audit: [] };
  const codes = new Set<string>();
  const latest = now.getTime() - HOUR_MS;
  for (const c of cases) {
    const [, contacted, third, fourth] = c.times.map((t) => t.getTime());
    const owner = c.stakeholder.ownerId;
    const committed = { minor: 0n };
    switch (c.status) {
      case CaseStatus.IDENTIFIED:
        break;
      case CaseStatus.CONTACTED: {
        // Waiting for a decision: proposed in the last days, or after the first contact if that was recent.
        if (!random.chance(0.65)) break;
        const proposedAt = Math.max(contacted + HOUR_MS, latest - random.int(2, 9 * 24) * HOUR_MS);
        if (proposedAt >= latest) break;
        const comp = propose(out, random, c, owner, proposedAt, 0.25 + 0.4 * random.next());
        if (random.chance(0.2)) reject(out, comp, pickApprover(random, staff, c, comp, committed, true), Math.min(latest, proposedAt + DAY_MS));
        break;
      }
      case CaseStatus.CHURNED: {
        if (!random.chance(0.5)) break;
        const churnedAt = c.times[c.times.length - 1].getTime();
        const comp = propose(out, random, c, owner, contacted + (churnedAt - contacted) * 0.4, 0.3);
        cancel(out, comp, owner, churnedAt, 'The customer ended the relationship before a decision was made.');
        break;
      }
      default: {
        // COMPENSATING and later: the first compensation was approved at the COMPENSATING step.
        const approvedAt = third;
        const proposedAt = contacted + (approvedAt - contacted) * 0.5;
        const first = propose(out, random, c, owner, proposedAt, 0.3 + 0.45 * random.next());
        const approver = pickApprover(random, staff, c, first, committed, false);
        approve(out, first, approver, approvedAt, committed, c);
        const step = c.statusAudit.get(CaseStatus.COMPENSATING);
        if (step) Object.assign(step, { actor_id: approver.id, after: { status: CaseStatus.COMPENSATING, note: 'Compensation approved' } });
        const next = fourth ?? latest;
        if (c.status === CaseStatus.COMPENSATING && random.chance(0.45)) break; // approved, waiting to be issued
        const issuedAt = approvedAt + Math.min(2 * DAY_MS, (next - approvedAt) * 0.3);
        issue(out, random, first, owner, issuedAt, codes);
        if (c.status === CaseStatus.COMPENSATING) {
          // Issued, waiting for the stakeholder's answer; some get a second proposal on top.
          if (random.chance(0.3)) propose(out, random, c, owner, Math.min(latest, issuedAt + DAY_MS), 0.1 + 0.15 * random.next());
          break;
        }
        const respondedAt = issuedAt + (next - issuedAt) * 0.6;
        if (random.chance(0.1)) {
          respond(out, first, owner, respondedAt, DECLINED, 'Prefers a replacement unit over the offer; a new proposal follows.');
        } else {
          respond(out, first, owner, respondedAt, ACCEPTED, null);
        }
        break;
      }
    }
  }
  return out;
}

function propose(out: DemoCompensation, random: DemoRandom, c: DemoCase, proposer: string, at: number, share: number): Row {
  const proposal = proposalFor(random, c, share, new Date(at));
  const today = new Date(at).toISOString().slice(0, 10);
  const problems = proposalShapeProblems({ ...proposal, hasValue: proposal.kind !== CompensationKind.CONTRACT_EXTENSION }, today);
  if (problems.length) throw new Error(`demo compensation on case ${c.id} is malformed: ${problems.join('; ')}`);
  const proposedAt = new Date(Math.floor(at / 1000) * 1000);
  const row: Row = {
    id: randomUUID(),
    case_id: c.id,
    kind: proposal.kind,
    status: PROPOSED,
    value_minor: proposal.valueMinor.toString(),
    currency: c.row.loss_currency,
    refund_reference: proposal.refundReference ?? null,
    coupon_percent: proposal.couponPercent ?? null,
    coupon_expires_on: proposal.couponExpiresOn ?? null,
    coupon_code: null,
    extension_months: proposal.extensionMonths ?? null,
    description: proposal.description ?? null,
    proposed_by_id: proposer,
    proposed_at: proposedAt,
    created_at: proposedAt,
    updated_at: proposedAt,
  };
  out.rows.push(row);
  out.audit.push(
    audit(proposer, row, proposedAt, 'COMPENSATION_PROPOSED', null, {
      caseId: c.id,
      kind: row.kind,
      status: PROPOSED,
      value: { amountMinor: row.value_minor, currency: row.currency },
      refundReference: row.refund_reference,
      couponPercent: row.coupon_percent,
      couponExpiresOn: row.coupon_expires_on,
      extensionMonths: row.extension_months,
      description: row.description,
    }),
  );
  return row;
}

/** What an owner would offer: a share of the estimated loss, in whole units of the case currency. */
function proposalFor(random: DemoRandom, c: DemoCase, share: number, at: Date): Proposal {
  const valueMinor = BigInt(Math.max(100, Math.floor((Number(c.lossMinor) * share) / 100) * 100));
  if (c.stakeholder.kind === StakeholderKind.PARTNER) {
    return random.weighted<Proposal>([
      [{ kind: CompensationKind.SERVICE_CREDIT, valueMinor, description: 'Credit against the next orders for the reflashing and returns handling.' }, 3],
      [{ kind: CompensationKind.CUSTOM, valueMinor, description: 'We reflash all firmware-4.2 stock in the partner warehouse at our cost and pay the handling.' }, 2],
    ]);
  }
  const expires = new Date(at.getTime() + 365 * DAY_MS).toISOString().slice(0, 10);
  return random.weighted<Proposal>([
    [{ kind: CompensationKind.REFUND, valueMinor, refundReference: `ORD-${random.int(100_000, 999_999)}` }, 4],
    [{ kind: CompensationKind.COUPON, valueMinor, couponPercent: random.pick([20, 30, 50]), couponExpiresOn: expires }, 3],
    [{ kind: CompensationKind.SERVICE_CREDIT, valueMinor }, 2],
    [{ kind: CompensationKind.CUSTOM, valueMinor, description: 'Free replacement unit with professional installation.' }, 1],
  ]);
}

/**
 * A partner manager other than the proposer when the value is inside their limit (mostly), else
 * leadership; the approval policy decides, exactly as for a click on "approve".
 */
function pickApprover(
  random: DemoRandom,
  staff: DemoStaff,
  c: DemoCase,
  comp: Row,
  committed: { minor: bigint },
  forRejection: boolean,
): { id: string; role: UserRole; justification: string | null } {
  const value = BigInt(comp.value_minor as string);
  const managers = staff.partnerManagers.filter((id) => id !== comp.proposed_by_id);
  const candidates: { id: string; role: UserRole; justification: string | null }[] = [];
  const limit = limitFor(DEFAULT_APPROVAL_POLICY, UserRole.PARTNER_MANAGER, comp.currency as string)?.limitMinor ?? 0n;
  if (value <= limit && random.chance(0.75)) candidates.push({ id: random.pick(managers), role: UserRole.PARTNER_MANAGER, justification: null });
  candidates.push({ id: staff.leadership, role: UserRole.LEADERSHIP, justification: null });
  candidates.push({ id: staff.leadership, role: UserRole.LEADERSHIP, justification: 'Strategic account: keeping it is worth more than the ratio.' });
  for (const candidate of candidates) {
    if (forRejection) return candidate;
    const decision = decideApproval(DEFAULT_APPROVAL_POLICY, {
      approver: candidate,
      compensation: {
        proposedById: comp.proposed_by_id as string,
        kind: comp.kind as CompensationKind,
        valueMinor: value,
        currency: comp.currency as string,
        extensionMonths: (comp.extension_months as number | null) ?? null,
      },
      estimatedLossMinor: c.lossMinor,
      committedMinor: committed.minor,
      justification: candidate.justification,
    });
    if (decision.allowed) return candidate;
  }
  throw new Error(`nobody may approve demo compensation ${comp.id as string}`);
}

function approve(out: DemoCompensation, comp: Row, approver: { id: string; justification: string | null }, at: number, committed: { minor: bigint }, c: DemoCase): void {
  move(comp, APPROVED);
  const approvedAt = new Date(Math.floor(at / 1000) * 1000);
  committed.minor += BigInt(comp.value_minor as string);
  Object.assign(comp, { approved_by_id: approver.id, approved_at: approvedAt, approval_justification: approver.justification, updated_at: approvedAt });
  const exceeds = committed.minor * 1000n > c.lossMinor * BigInt(DEFAULT_APPROVAL_POLICY.fairnessRatioPermille);
  out.audit.push(
    audit(approver.id, comp, approvedAt, 'COMPENSATION_APPROVED', { status: PROPOSED }, {
      status: APPROVED,
      justification: approver.justification,
      exceedsFairness: exceeds,
      caseCommittedMinor: committed.minor.toString(),
    }),
  );
}

function reject(out: DemoCompensation, comp: Row, approver: { id: string }, at: number): void {
  move(comp, REJECTED);
  const reason = 'Above what the recorded loss supports; propose a coupon instead.';
  const rejectedAt = new Date(Math.floor(at / 1000) * 1000);
  Object.assign(comp, { rejected_by_id: approver.id, rejected_at: rejectedAt, rejection_reason: reason, updated_at: rejectedAt });
  out.audit.push(audit(approver.id, comp, rejectedAt, 'COMPENSATION_REJECTED', { status: PROPOSED }, { status: REJECTED, reason }));
}

function cancel(out: DemoCompensation, comp: Row, actor: string, at: number, reason: string): void {
  const before = comp.status as CompensationStatus;
  move(comp, CANCELLED);
  const cancelledAt = new Date(Math.floor(at / 1000) * 1000);
  Object.assign(comp, { cancelled_by_id: actor, cancelled_at: cancelledAt, cancellation_reason: reason, updated_at: cancelledAt });
  out.audit.push(audit(actor, comp, cancelledAt, 'COMPENSATION_CANCELLED', { status: before }, { status: CANCELLED, reason }));
}

function issue(out: DemoCompensation, random: DemoRandom, comp: Row, actor: string, at: number, codes: Set<string>): void {
  move(comp, ISSUED);
  const issuedAt = new Date(Math.floor(at / 1000) * 1000);
  let couponCode: string | null = null;
  if (comp.kind === CompensationKind.COUPON) {
    do couponCode = seededCouponCode(random);
    while (codes.has(couponCode));
    codes.add(couponCode);
  }
  const reference = `ISS-${random.int(100_000, 999_999)}`;
  Object.assign(comp, { issued_by_id: actor, issued_at: issuedAt, issue_reference: reference, coupon_code: couponCode, updated_at: issuedAt });
  out.audit.push(
    audit(actor, comp, issuedAt, 'COMPENSATION_ISSUED', { status: APPROVED }, {
      compensationId: comp.id,
      status: ISSUED,
      issuedAt: issuedAt.toISOString(),
      issueReference: reference,
      couponCode,
      contractEndAfter: null,
      idempotencyKey: `demo-issue-${comp.id as string}`,
    }),
  );
}

function respond(out: DemoCompensation, comp: Row, actor: string, at: number, status: CompensationStatus, reason: string | null): void {
  move(comp, status);
  const respondedAt = new Date(Math.floor(at / 1000) * 1000);
  Object.assign(comp, { responded_by_id: actor, responded_at: respondedAt, decline_reason: reason, updated_at: respondedAt });
  out.audit.push(
    audit(actor, comp, respondedAt, status === ACCEPTED ? 'COMPENSATION_ACCEPTED' : 'COMPENSATION_DECLINED', { status: ISSUED }, { status, reason }),
  );
}

function move(comp: Row, to: CompensationStatus): void {
  const from = comp.status as CompensationStatus;
  if (!canCompensationTransition(from, to)) throw new Error(`demo compensation cannot move from ${from} to ${to}`);
  comp.status = to;
}

/** The coupon code format of generateCouponCode, drawn from the seeded generator so the demo repeats. */
function seededCouponCode(random: DemoRandom): string {
  const chars = Array.from({ length: 12 }, () => random.pick(COUPON_ALPHABET.split('')));
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

function audit(actorId: string, comp: Row, at: Date, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>): Row {
  return { occurred_at: at, actor_id: actorId, entity_type: AuditedRecord.COMPENSATION, entity_id: comp.id, action, before, after };
}

