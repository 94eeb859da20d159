import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CaseTrustSnapshotEntity } from '../trust/case-trust-snapshot.entity';
import { TrustSnapshotModel } from '../trust/trust-snapshot.model';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { CommitmentQueriesService } from '../commitments/commitment-queries.service';
import { CommitmentStatus } from '../commitments/commitment.enums';
import { CommitmentModel } from '../commitments/commitment.model';
import { ContactEntity } from '../stakeholders/contact.entity';
import { ContactModel } from '../stakeholders/contact.model';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { MeetingBriefModel } from './meeting-brief.model';
import { MeetingModel } from './meeting.model';
import { MeetingQueriesService } from './meeting-queries.service';
import { MoneyModel } from '../../common/money/money.model';
import { InteractionEntity } from '../interactions/interaction.entity';
import { InteractionModel } from '../interactions/interaction.model';

const LAST_INTERACTIONS = 10;
const TRUST_TREND_MONTHS = 6;

@Injectable()
export class MeetingBriefService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingQueriesService,
    private readonly commitments: CommitmentQueriesService,
  ) {}

  async brief(meetingId: string): Promise<MeetingBriefModel> {
    const meeting = await this.meetings.findById(meetingId);
    const [stakeholder, contacts, recoveryCase, open, rate, compensation, interactions] = await Promise.all([
      this.dataSource.getRepository(StakeholderEntity).findOneByOrFail({ id: meeting.stakeholderId }),
      this.dataSource.getRepository(ContactEntity).find({ where: { stakeholderId: meeting.stakeholderId }, order: { name: 'ASC', id: 'ASC' } }),
      meeting.caseId ? this.dataSource.getRepository(RecoveryCaseEntity).findOneBy({ id: meeting.caseId }) : null,
      this.commitments.listForStakeholder(meeting.stakeholderId, [CommitmentStatus.OPEN]),
      this.commitments.promiseKeptRate({ stakeholderId: meeting.stakeholderId }),
      this.compensationSoFar(meeting.stakeholderId),
      this.dataSource
        .getRepository(InteractionEntity)
        .createQueryBuilder('i')
        .where('i.case_id IN (SELECT rc.id FROM recovery_cases rc WHERE rc.stakeholder_id = :s)', { s: meeting.stakeholderId })
        .andWhere('i.voided_at IS NULL')
        .orderBy('i.occurred_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .limit(LAST_INTERACTIONS)
        .getMany(),
    ]);
    return {
      meeting: MeetingModel.from(meeting),
      stakeholder: StakeholderModel.from(stakeholder),
      contacts: contacts.map(ContactModel.from),
      case: recoveryCase ? RecoveryCaseModel.from(recoveryCase) : null,
      compensationSoFar: compensation,
      lastInteractions: interactions.map(InteractionModel.from),
      openCommitments: open.map(CommitmentModel.from),
      promiseKeptRate: rate,
      trustTrend: await this.trustTrend(meeting.caseId, meeting.stakeholderId),
    };
  }

  private async trustTrend(caseId: string | null, stakeholderId: string): Promise<TrustSnapshotModel[]> {
    const rows: { case_id: string; month_index: number }[] = await this.dataSource.query(
      `SELECT s.case_id, s.month_index FROM case_trust_snapshots s
        WHERE s.case_id = coalesce($1::uuid, (SELECT rc.id FROM recovery_cases rc WHERE rc.stakeholder_id = $2 ORDER BY rc.created_at DESC, rc.id DESC LIMIT 1))
        ORDER BY s.month_index DESC LIMIT ${TRUST_TREND_MONTHS}`,
      [caseId, stakeholderId],
    );
    if (rows.length === 0) return [];
    const snapshots = await this.dataSource
      .getRepository(CaseTrustSnapshotEntity)
      .find({ where: { caseId: rows[0].case_id, monthIndex: In(rows.map((r) => r.month_index)) }, order: { monthIndex: 'ASC' } });
    return snapshots.map(TrustSnapshotModel.from);
  }

  /** Summed in SQL as bigint: exact, whatever the amounts. */
  private async compensationSoFar(stakeholderId: string): Promise<MoneyModel[]> {
    const rows: { total: string; currency: string }[] = await this.dataSource.query(
      `SELECT sum(co.value_minor)::text AS total, co.currency
         FROM compensations co JOIN recovery_cases rc ON rc.id = co.case_id
        WHERE rc.stakeholder_id = $1 AND co.status IN ('ISSUED', 'ACCEPTED')
        GROUP BY co.currency ORDER BY co.currency`,
      [stakeholderId],
    );
    return rows.map((r) => MoneyModel.of(r.total, r.currency) as MoneyModel);
  }
}
