import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsMoneyCurrency } from '../../../common/money/currency-code';
import { BigIntScalar } from '../../../common/money/big-int.scalar';
import { UserRole } from '../../users/user-role.enum';

export const APPROVING_ROLES = [UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP] as const;

@InputType({ description: 'Sets (or creates) the limit of one approving role in one currency.' })
export class ApprovalLimitInput {
  @Field(() => UserRole, { description: 'PARTNER_MANAGER or LEADERSHIP.' })
  @IsIn(APPROVING_ROLES, { message: 'role must be PARTNER_MANAGER or LEADERSHIP; other roles approve nothing' })
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'ISO 4217; null sets the default for every currency without its own limit.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsMoneyCurrency()
  currency?: string | null;

  @Field(() => BigIntScalar, { nullable: true, description: 'Minor units, zero or more; null means unlimited.' })
  @IsOptional()
  @Matches(/^\d+$/, { message: 'limitMinor must not be negative' })
  limitMinor?: string | null;
}
