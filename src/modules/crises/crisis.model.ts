import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model';
import { CrisisCategory, CrisisPhase, CrisisSeverity } from './crisis.enums';
import { CrisisEntity } from './crisis.entity';

@ObjectType('Crisis')
export class CrisisModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => CrisisCategory)
  category: CrisisCategory;

  @Field(() => CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => CrisisPhase)
  phase: CrisisPhase;

  @Field(() => Date, { nullable: true, description: 'When the crisis began, if known (at or before detection).' })
  startedAt: Date | null;

  @Field({ description: 'When the company learned of it; the golden-hours clock starts here.' })
  detectedAt: Date;

  @Field(() => Date, { nullable: true })
  firstStatementAt: Date | null;

  leadId: string | null;
  spokespersonId: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(entity: CrisisEntity): CrisisModel {
    return Object.assign(new CrisisModel(), {
      id: entity.id,
      title: entity.title,
      description: entity.description,
      category: entity.category,
      severity: entity.severity,
      phase: entity.phase,
      startedAt: entity.startedAt,
      detectedAt: entity.detectedAt,
      firstStatementAt: entity.firstStatementAt,
      leadId: entity.leadId,
      spokespersonId: entity.spokespersonId,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

export const CrisisConnection = ConnectionType(CrisisModel, 'Crisis');
