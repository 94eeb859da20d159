import { ArgsType, Field } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { CommitmentStatus } from '../commitment.enums';

@ArgsType()
export class ResolveCommitmentArgs extends IdArgs {
  @Field(() => CommitmentStatus, { description: 'DONE or DROPPED.' })
  @IsIn([CommitmentStatus.DONE, CommitmentStatus.DROPPED], { message: 'status must be DONE or DROPPED' })
  status: CommitmentStatus;

  @Field(() => String, { nullable: true, description: 'Why, or how it was kept; up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was done (or dropped), if earlier than now: not in the future, not before it was made. The promise-kept rate compares it with dueOn. Now when not given.',
  })
  @IsOptional()
  @IsDate()
  resolvedAt?: Date | null;
}
