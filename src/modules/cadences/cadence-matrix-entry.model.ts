import { Field, ObjectType } from '@nestjs/graphql';
import { ImpactLevel } from '../cases/case.enums';
import { CrisisSeverity } from '../crises/crisis.enums';
import { CadenceModel } from './cadence.model';

@ObjectType('CadenceMatrixEntry', { description: 'The cadence a new case gets for its crisis severity and impact.' })
export class CadenceMatrixEntryModel {
  @Field(() => CrisisSeverity)
  severity: CrisisSeverity;

  @Field(() => ImpactLevel)
  impact: ImpactLevel;

  @Field(() => CadenceModel)
  cadence: CadenceModel;

  @Field()
  updatedAt: Date;
}
