import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CaseStatus } from './case.enums';
import { RecoveryCaseEntity } from './recovery-case.entity';

/**
 * Moves a case the caller has locked to another status and writes its CASE_STATUS_CHANGED
 * entry, in the caller's transaction. Every module that moves a case (a status change, the
 * first outbound contact, the first approved compensation) goes through here, so the timeline
 * reads one shape. Which moves are allowed is the caller's rule.
 */
export async function moveCaseStatus(
  manager: EntityManager,
  audit: AuditService,
  actorId: string,
  recoveryCase: RecoveryCaseEntity,
  status: CaseStatus,
  details: { note: string | null } & Record<string, unknown>,
  changedAt: Date,
): Promise<RecoveryCaseEntity> {
  const before = recoveryCase.status;
  recoveryCase.status = status;
  recoveryCase.statusChangedAt = changedAt;
  const saved = await manager.save(recoveryCase);
  await audit.record(manager, {
    actorId,
    record: AuditedRecord.RECOVERY_CASE,
    recordId: saved.id,
    action: 'CASE_STATUS_CHANGED',
    before: { status: before },
    after: { status, ...details, changedAt: changedAt.toISOString() },
  });
  return saved;
}
