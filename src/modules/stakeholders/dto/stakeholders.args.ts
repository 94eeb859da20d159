import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';
import { StakeholderKind, StakeholderTier } from '../stakeholder.enums';

/** Sorted by name, then id. Every filter is optional and they combine with AND. */
@ArgsType()
export class StakeholdersArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Case-insensitive part of the name; %, _ and \\ match themselves. Any length works, but three or more ' +
      'characters are needed for the trigram index to narrow the search; blank means no filter.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => StakeholderKind, { nullable: true })
  @IsOptional()
  @IsEnum(StakeholderKind)
  kind?: StakeholderKind | null;

  @Field(() => String, { nullable: true, description: 'Exact segment.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  segment?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact region.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;

  @Field(() => StakeholderTier, { nullable: true })
  @IsOptional()
  @IsEnum(StakeholderTier)
  tier?: StakeholderTier | null;
}
