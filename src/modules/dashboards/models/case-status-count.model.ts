import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatus } from '../../cases/case.enums';

@ObjectType('CaseStatusCount')
export class CaseStatusCountModel {
  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => Int, { description: 'Cases in scope with this status now (0 when none: every status is listed).' })
  count: number;
}
