import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommitmentParty, CommitmentStatus } from './commitment.enums';
import { CommitmentEntity } from './commitment.entity';

@ObjectType('Commitment', { description: 'A promise in the joint recovery plan.' })
export class CommitmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting where it was made, if any.' })
  meetingId: string | null;

  @Field({ description: 'What was promised.' })
  description: string;

  @Field(() => CommitmentParty)
  party: CommitmentParty;

  @Field(() => ID, { nullable: true, description: 'Set for OURS.' })
  ownerUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'For THEIRS: the contact who promised, when known.' })
  ownerContactId: string | null;

  @Field(() => String, { nullable: true, description: 'For THEIRS: who promised, in free text.' })
  ownerName: string | null;

  @Field({ description: 'Calendar date, YYYY-MM-DD.' })
  dueOn: string;

  @Field(() => CommitmentStatus)
  status: CommitmentStatus;

  @Field(() => String, { nullable: true })
  statusNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When it became DONE or DROPPED.' })
  statusChangedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who marked it DONE or DROPPED.' })
  statusChangedById: string | null;

  @Field()
  createdAt: Date;

  kpiName: string | null;
  kpiTarget: string | null;
  kpiUnit: string | null;

  static from(e: CommitmentEntity): CommitmentModel {
    return Object.assign(new CommitmentModel(), {
      id: e.id,
      stakeholderId: e.stakeholderId,
      caseId: e.caseId,
      meetingId: e.meetingId,
      description: e.description,
      party: e.party,
      ownerUserId: e.ownerUserId,
      ownerContactId: e.ownerContactId,
      ownerName: e.ownerName,
      dueOn: e.dueOn,
      status: e.status,
      statusNote: e.statusNote,
      statusChangedAt: e.statusChangedAt,
      statusChangedById: e.statusChangedById,
      createdAt: e.createdAt,
      kpiName: e.kpiName,
      kpiTarget: e.kpiTarget,
      kpiUnit: e.kpiUnit,
    });
  }
}
