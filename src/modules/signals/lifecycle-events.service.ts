import { Clock } from '../../common/clock/clock';
import { futureProblem } from '../../common/time/not-in-future';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { CaseStatus } from '../cases/case.enums';
import { canTransition } from '../cases/case-status-transitions';
import { moveCaseStatus } from '../cases/move-case-status';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { LifecycleEventInput } from './dto/lifecycle-event.input';
import { SignalBatch, throwIfRejected } from './signal-batch';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { CaseReference, loadCases, loadStakeholders } from './signal-references';
import { canRecordOnCase, canRecordOnStakeholder, signalMessages } from './signal-rules';
import { LifecycleEventKind } from './signal.enums';
import { SignalRowStatus } from './signal-row-status.enum';
import { StakeholderLifecycleEventEntity } from './stakeholder-lifecycle-event.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const keyOf = (stakeholderId: string, caseId: string | null, kind: string, at: Date) => `${stakeholderId}|${caseId ?? ''}|${kind}|${at.toISOString()}`;

/**
 * Churn and renewal events. A CHURNED event on a case moves the case to CHURNED (through
 * moveCaseStatus, audited) when the status table allows; a case the table does not let churn
 * (RECOVERED) rejects the row with CONFLICT, so an event never contradicts its case. A
 * stakeholder-level event (no case) and RENEWED events change no case.
 */
@Injectable()
export class LifecycleEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async recordOne(actor: AuthUser, input: LifecycleEventInput): Promise<StakeholderLifecycleEventEntity> {
    const result = await this.record(actor, [input], false);
    throwIfRejected(result);
    return this.dataSource.getRepository(StakeholderLifecycleEventEntity).findOneByOrFail({ id: result.rows[0].id as string });
  }

  record(actor: AuthUser, input: readonly object[], acceptPartial: boolean): Promise<SignalBatchResultModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const batch = new SignalBatch(LifecycleEventInput, input);
      const cases = await this.check(manager, actor, batch);
      if (batch.hasRejections && !acceptPartial) return batch.result(false);
      const good = batch.valid();
      if (good.length === 0) return batch.result(true);

      const col = <T>(pick: (r: LifecycleEventInput) => T) => good.map(({ row }) => pick(row));
      const inserted: { id: string; stakeholder_id: string; case_id: string | null; kind: string; occurred_at: Date }[] = await manager.query(
        `INSERT INTO stakeholder_lifecycle_events (stakeholder_id, case_id, kind, occurred_at, note, recorded_by_id)
         SELECT k.stakeholder_id, k.case_id, k.kind, k.occurred_at, k.note, $6
           FROM unnest($1::uuid[], $2::uuid[], $3::lifecycle_event_kind[], $4::timestamptz[], $5::text[])
                AS k(stakeholder_id, case_id, kind, occurred_at, note)
         ON CONFLICT ON CONSTRAINT stakeholder_lifecycle_events_natural_key DO NOTHING
         RETURNING id, stakeholder_id, case_id, kind, occurred_at`,
        [col((r) => r.stakeholderId), col((r) => r.caseId ?? null), col((r) => r.kind), col((r) => r.occurredAt.toISOString()), col((r) => r.note ?? null), actor.id],
      );
      const created = new Map(inserted.map((r) => [keyOf(r.stakeholder_id, r.case_id, r.kind, r.occurred_at), r.id]));
      const existing = await this.existingIds(manager, good.map(({ row }) => row).filter((r) => !created.has(keyOf(r.stakeholderId, r.caseId ?? null, r.kind, r.occurredAt))));
      const churned = new Set<string>();
      for (const { index, row } of good) {
        const key = keyOf(row.stakeholderId, row.caseId ?? null, row.kind, row.occurredAt);
        const id = created.get(key);
        if (!id) {
          batch.mark(index, SignalRowStatus.UNCHANGED, existing.get(key) ?? null);
          continue;
        }
        created.delete(key);
        batch.mark(index, SignalRowStatus.CREATED, id);
        const recoveryCase = row.caseId ? cases.get(row.caseId) : undefined;
        if (row.kind === LifecycleEventKind.CHURNED && recoveryCase && recoveryCase.status !== CaseStatus.CHURNED && !churned.has(recoveryCase.id)) {
          churned.add(recoveryCase.id);
          const entity = await manager.findOneByOrFail(RecoveryCaseEntity, { id: recoveryCase.id });
          await moveCaseStatus(manager, this.audit, actor.id, entity, CaseStatus.CHURNED, { note: row.note ?? 'Churn recorded', lifecycleEventId: id }, row.occurredAt);
        }
      }
      return batch.result(true);
    });
  }

  private async check(manager: EntityManager, actor: AuthUser, batch: SignalBatch<LifecycleEventInput>): Promise<Map<string, CaseReference>> {
    const rows = batch.valid();
    // Cases are locked for update: a churn event may move them.
    const cases = await loadCases(manager, rows.flatMap((r) => (r.row.caseId ? [r.row.caseId] : [])), 'UPDATE');
    const stakeholders = await loadStakeholders(manager, rows.map((r) => r.row.stakeholderId));
    const now = this.clock.now();
    for (const { index, row } of rows) {
      const future = futureProblem('occurredAt', row.occurredAt, now);
      if (future) batch.reject(index, 'occurredAt', ErrorCode.BadUserInput, future);
      const stakeholder = stakeholders.get(row.stakeholderId);
      if (!stakeholder) {
        batch.reject(index, 'stakeholderId', ErrorCode.NotFound, `Stakeholder ${row.stakeholderId} does not exist`);
        continue;
      }
      if (!row.caseId) {
        if (!canRecordOnStakeholder(actor, stakeholder, stakeholder.caseOwnerIds)) {
          batch.reject(index, 'stakeholderId', ErrorCode.Forbidden, signalMessages.stakeholderOutOfScope(stakeholder.name, 'events'));
        }
        continue;
      }
      const recoveryCase = cases.get(row.caseId);
      if (!recoveryCase) {
        batch.reject(index, 'caseId', ErrorCode.NotFound, `Recovery case ${row.caseId} does not exist`);
        continue;
      }
      if (recoveryCase.stakeholderId !== stakeholder.id) {
        batch.reject(index, 'caseId', ErrorCode.BadUserInput, `Case ${row.caseId} is not a case of ${stakeholder.name}`);
        continue;
      }
      if (!canRecordOnCase(actor, recoveryCase)) {
        batch.reject(index, 'caseId', ErrorCode.Forbidden, signalMessages.caseOutOfScope(row.caseId));
      }
      const status = recoveryCase.status as CaseStatus;
      if (row.kind === LifecycleEventKind.CHURNED && status !== CaseStatus.CHURNED && !canTransition(status, CaseStatus.CHURNED)) {
        batch.reject(index, 'kind', ErrorCode.Conflict, `Case ${row.caseId} is ${status} and cannot move to CHURNED; move it to RECOVERING first`);
      } else if (row.kind === LifecycleEventKind.CHURNED && status !== CaseStatus.CHURNED && row.occurredAt < recoveryCase.statusChangedAt) {
        // The churn moves the case at occurredAt, and a status history runs forwards.
        batch.reject(
          index,
          'occurredAt',
          ErrorCode.BadUserInput,
          `occurredAt must not be before the case's last status change (${recoveryCase.statusChangedAt.toISOString()}), when it became ${status}`,
        );
      }
    }
    return cases;
  }

  private async existingIds(manager: EntityManager, rows: LifecycleEventInput[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found: { id: string; stakeholder_id: string; case_id: string | null; kind: string; occurred_at: Date }[] = await manager.query(
      `SELECT e.id, e.stakeholder_id, e.case_id, e.kind, e.occurred_at
         FROM unnest($1::uuid[], $2::uuid[], $3::lifecycle_event_kind[], $4::timestamptz[]) AS k(stakeholder_id, case_id, kind, occurred_at)
         JOIN stakeholder_lifecycle_events e ON e.stakeholder_id = k.stakeholder_id AND e.case_id IS NOT DISTINCT FROM k.case_id
          AND e.kind = k.kind AND e.occurred_at = k.occurred_at`,
      [rows.map((r) => r.stakeholderId), rows.map((r) => r.caseId ?? null), rows.map((r) => r.kind), rows.map((r) => r.occurredAt.toISOString())],
    );
    return new Map(found.map((r) => [keyOf(r.stakeholder_id, r.case_id, r.kind, r.occurred_at), r.id]));
  }
}
