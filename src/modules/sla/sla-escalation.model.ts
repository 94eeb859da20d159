import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model';
import { SlaEscalationEntity } from './sla-escalation.entity';
import { SlaEscalationKind, SlaEscalationLevel } from './sla.enums';

@ObjectType('SlaEscalation', { description: 'A breached SLA or an overdue task, raised to the case owner and then to leadership.' })
export class SlaEscalationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => SlaEscalationKind)
  kind: SlaEscalationKind;

  @Field(() => ID, { description: 'The case (golden hours), the inbound interaction (reply) or the outreach task (overdue).' })
  subjectId: string;

  @Field(() => SlaEscalationLevel)
  level: SlaEscalationLevel;

  @Field({ description: 'When the obligation was due.' })
  dueAt: Date;

  @Field()
  raisedAt: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the obligation was fulfilled after all (the sweep closes it).' })
  resolvedAt: Date | null;

  @Field({ description: 'Neither acknowledged nor resolved.' })
  open: boolean;

  /** Resolved into `acknowledgedBy` through the per-request user loader. */
  acknowledgedById: string | null;

  static from(e: SlaEscalationEntity): SlaEscalationModel {
    return Object.assign(new SlaEscalationModel(), {
      id: e.id,
      caseId: e.caseId,
      kind: e.kind,
      subjectId: e.subjectId,
      level: e.level,
      dueAt: e.dueAt,
      raisedAt: e.raisedAt,
      acknowledgedAt: e.acknowledgedAt,
      resolvedAt: e.resolvedAt,
      open: e.acknowledgedAt === null && e.resolvedAt === null,
      acknowledgedById: e.acknowledgedById,
    });
  }
}

export const SlaEscalationConnection = ConnectionType(SlaEscalationModel, 'SlaEscalation');
