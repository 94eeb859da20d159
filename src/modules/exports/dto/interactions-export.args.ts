import { ArrayMaxSize, IsEnum, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { InteractionDirection } from '../../interactions/interaction.enums';
import { ContactChannel } from '../../stakeholders/stakeholder.enums';
import { QueryList } from './query-list';

/** A calendar date (midnight UTC) or a date-time with its offset, so no server time zone is guessed. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE = (field: string) =>
  `${field} must be an ISO 8601 date or a date-time with a time zone, e.g. 2026-11-01 or 2026-11-01T09:00:00Z`;

/**
 * Filters of the interactions export. There is no GraphQL list of interactions (cases show
 * theirs on the case timeline), so these are the export's own; every one is optional and they
 * combine with AND.
 */
export class InteractionsExportArgs {
  @IsOptional()
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'stakeholderId must be a UUID' })
  stakeholderId?: string;

  /** The owner of the interaction's case. */
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string;

  /** Who logged the interaction. */
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @IsOptional()
  @QueryList()
  @ArrayMaxSize(10)
  @IsEnum(ContactChannel, { each: true })
  channel?: ContactChannel[];

  @IsOptional()
  @IsEnum(InteractionDirection)
  direction?: InteractionDirection;

  /** Occurred at or after. */
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('occurredFrom') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('occurredFrom') })
  occurredFrom?: string;

  /** Occurred before. */
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('occurredTo') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('occurredTo') })
  occurredTo?: string;
}
