import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/money/money.input';

@ArgsType()
export class SetCompensationBudgetArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @Field(() => MoneyInput, { description: 'Zero or more; replaces the budget in this currency, other currencies stay.' })
  @ValidateNested()
  @Type(() => MoneyInput)
  budget: MoneyInput;
}
