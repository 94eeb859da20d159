import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class RefreshTrustSnapshotsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this crisis’s cases; all cases when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string | null;

  @Field({ defaultValue: false, description: 'Recompute every month since each crisis started, not only this month and the last.' })
  @IsOptional()
  @IsBoolean()
  backfill: boolean;
}
