import { Field, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from '../../common/money/big-int.scalar';
import { UserRole } from '../users/user-role.enum';
import { ApprovalLimitEntity } from './approval-limit.entity';

@ObjectType('ApprovalLimit')
export class ApprovalLimitModel {
  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'Null: the default for every currency without its own limit.' })
  currency: string | null;

  @Field(() => BigIntScalar, { nullable: true, description: 'Minor units; null means unlimited.' })
  limitMinor: string | null;

  static from(e: ApprovalLimitEntity): ApprovalLimitModel {
    return Object.assign(new ApprovalLimitModel(), { role: e.role, currency: e.currency?.trim() ?? null, limitMinor: e.limitMinor });
  }
}
