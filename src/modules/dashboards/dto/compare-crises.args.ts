import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DashboardFilterInput } from './dashboard-filter.input';

@ArgsType()
export class CompareCrisesArgs {
  @Field(() => [ID], { description: 'Exactly two different crises, in the order they are shown.' })
  @ArrayMinSize(2, { message: 'crisisIds must name exactly two crises' })
  @ArrayMaxSize(2, { message: 'crisisIds must name exactly two crises' })
  @ArrayUnique({ message: 'crisisIds must name two different crises' })
  @IsUUID('all', { each: true, message: 'each of crisisIds must be a UUID' })
  crisisIds: string[];

  @Field(() => DashboardFilterInput, { nullable: true, description: 'The same filter applies to both crises.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DashboardFilterInput)
  filter?: DashboardFilterInput | null;
}
