import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTransactionRetry } from '../../common/database/transaction-retry';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { isoInstant } from '../../common/time/after-the-fact';
import { voidReason } from '../../common/time/void-reason';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { canRecordOnCase } from './signal-rules';
import { SurveyResponseEntity } from './survey-response.entity';

/**
 * Voiding a survey answer recorded by mistake (on the wrong case, say). The row stays, marked,
 * and is left out of the trust index, the snapshots (once they are refreshed) and the dashboards
 * built on them. The natural key (case, contact, kind, instant) covers live answers only, so the
 * same answer can be recorded again, on the right case or, corrected, on this one.
 */
@Injectable()
export class SurveyResponseVoidingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Whoever may record an answer on its case (the rule of recordSurveyResponse), or who recorded it. */
  async void(actor: AuthUser, id: string, reason: string): Promise<SurveyResponseEntity> {
    const why = voidReason(reason);
    return withTransactionRetry(this.dataSource, async (manager) => {
      const response = await manager.findOne(SurveyResponseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!response) throw AppException.notFound('Survey response', id);
      const recoveryCase = await manager.findOneByOrFail(RecoveryCaseEntity, { id: response.caseId });
      if (!canRecordOnCase(actor, recoveryCase) && actor.id !== response.recordedById) {
        throw AppException.forbidden(`Only who may record survey responses on case ${recoveryCase.id}, or who recorded it, may void survey response ${id}`);
      }
      if (response.voidedAt) {
        throw AppException.conflict(`Survey response ${id} was already voided at ${isoInstant(response.voidedAt)}: "${response.voidReason}"`, {
          voidedAt: response.voidedAt.toISOString(),
        });
      }
      const now = this.clock.now();
      await manager.update(SurveyResponseEntity, { id }, { voidedAt: now, voidedById: actor.id, voidReason: why });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.SURVEY_RESPONSE,
        recordId: id,
        action: 'SURVEY_RESPONSE_VOIDED',
        before: {
          caseId: response.caseId,
          contactId: response.contactId,
          kind: response.kind,
          score: response.score,
          respondedAt: response.respondedAt.toISOString(),
          voidedAt: null,
        },
        after: { voidedAt: now.toISOString(), voidedById: actor.id, reason: why },
      });
      return manager.findOneByOrFail(SurveyResponseEntity, { id });
    });
  }
}
