import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ImpactLevel } from '../../cases/case.enums';
import { StakeholderKind } from '../../stakeholders/stakeholder.enums';
import { MAX_AT_RISK } from './at-risk.args';

/** `impact=HIGH,CRITICAL` or `impact=HIGH&impact=CRITICAL`. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');

/** The dashboard filter as query parameters of the CSV routes, validated like the GraphQL input. */
export class DashboardCsvQuery {
  @IsOptional()
  @IsEnum(StakeholderKind, { message: `stakeholderKind must be one of ${Object.values(StakeholderKind).join(', ')}` })
  stakeholderKind?: StakeholderKind;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  segment?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string;

  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(ImpactLevel, { each: true, message: `each impact must be one of ${Object.values(ImpactLevel).join(', ')}` })
  impact?: ImpactLevel[];

  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'first must be a whole number' })
  @Min(1)
  @Max(MAX_AT_RISK)
  first?: number;
}
