import { Field, ObjectType } from '@nestjs/graphql';
import { CrisisPhase } from './crisis.enums';
import { CrisisPhaseChangeEntity } from './crisis-phase-change.entity';

@ObjectType('CrisisPhaseChange')
export class CrisisPhaseChangeModel {
  @Field(() => CrisisPhase, { nullable: true, description: 'Null for the phase the crisis was recorded in.' })
  fromPhase: CrisisPhase | null;

  @Field(() => CrisisPhase)
  toPhase: CrisisPhase;

  @Field(() => String, { nullable: true })
  note: string | null;

  changedById: string | null;

  @Field()
  changedAt: Date;

  static from(entity: CrisisPhaseChangeEntity): CrisisPhaseChangeModel {
    return Object.assign(new CrisisPhaseChangeModel(), {
      fromPhase: entity.fromPhase,
      toPhase: entity.toPhase,
      note: entity.note,
      changedById: entity.changedById,
      changedAt: entity.changedAt,
    });
  }
}
