import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { UserRole } from '../users/user-role.enum';
import { EscalationsArgs } from './dto/escalations.args';
import { SlaEscalationEntity } from './sla-escalation.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** Roles that see and acknowledge every escalation; everyone else only those of cases they own. */
const OVERSEERS: readonly UserRole[] = [UserRole.LEADERSHIP, UserRole.ADMIN];

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  list(actor: AuthUser, args: EscalationsArgs): Promise<Connection<SlaEscalationEntity>> {
    const query = this.dataSource.getRepository(SlaEscalationEntity).createQueryBuilder('e');
    if (args.caseId) query.andWhere('e.case_id = :caseId', { caseId: args.caseId });
    if (args.open === true) query.andWhere('e.acknowledged_at IS NULL AND e.resolved_at IS NULL');
    if (args.open === false) query.andWhere('(e.acknowledged_at IS NOT NULL OR e.resolved_at IS NOT NULL)');
    if (!OVERSEERS.includes(actor.role) && actor.role !== UserRole.COMMS) {
      query.andWhere('EXISTS (SELECT 1 FROM recovery_cases c WHERE c.id = e.case_id AND c.owner_id = :me)', { me: actor.id });
    }
    return paginate(
      query,
      [
        { expression: 'e.raised_at', type: 'timestamptz' },
        { expression: 'e.id', type: 'uuid' },
      ],
      'DESC',
      args,
      (row) => row,
    );
  }

  /** The case owner, LEADERSHIP or ADMIN. Acknowledging twice keeps the first acknowledgement. */
  async acknowledge(actor: AuthUser, id: string): Promise<SlaEscalationEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const escalation = await manager.findOne(SlaEscalationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!escalation) throw AppException.notFound('Escalation', id);
      if (!OVERSEERS.includes(actor.role)) {
        const owner = await manager.findOne(RecoveryCaseEntity, { where: { id: escalation.caseId }, select: { id: true, ownerId: true } });
        if (owner?.ownerId !== actor.id) {
          throw AppException.forbidden('Only the case owner, LEADERSHIP or ADMIN can acknowledge this escalation');
        }
      }
      if (escalation.acknowledgedAt) return escalation;
      await manager.update(SlaEscalationEntity, { id }, { acknowledgedAt: this.clock.now(), acknowledgedById: actor.id });
      return manager.findOneByOrFail(SlaEscalationEntity, { id });
    });
  }
}
