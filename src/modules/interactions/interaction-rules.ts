import { AppException } from '../../common/errors/app.exception';
import { CaseStatus } from '../cases/case.enums';
import { InteractionDirection } from './interaction.enums';

/** How far ahead of the server clock an interaction's time may be: devices' clocks drift. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const SUMMARY_MAX = 5000;
export const SENTIMENT_MIN = -2;
export const SENTIMENT_MAX = 2;

/** The checks every interaction passes, whether logged through the API or by another module. */
export function assertInteractionFields(
  fields: { occurredAt: Date; summary: string; sentiment?: number | null },
  now: Date,
): void {
  if (Number.isNaN(fields.occurredAt.getTime())) throw AppException.badInput('occurredAt is not a valid time', { fields: ['occurredAt'] });
  if (fields.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw AppException.badInput(
      `occurredAt ${fields.occurredAt.toISOString()} is in the future; log an interaction once it has happened (up to 5 minutes of clock skew is accepted)`,
      { fields: ['occurredAt'] },
    );
  }
  if (!fields.summary.trim()) throw AppException.badInput('summary must not be blank', { fields: ['summary'] });
  if (fields.summary.length > SUMMARY_MAX) {
    throw AppException.badInput(`summary is ${fields.summary.length} characters; at most ${SUMMARY_MAX}`, { fields: ['summary'] });
  }
  const { sentiment } = fields;
  if (sentiment !== null && sentiment !== undefined && (!Number.isInteger(sentiment) || sentiment < SENTIMENT_MIN || sentiment > SENTIMENT_MAX)) {
    throw AppException.badInput(`sentiment must be a whole number from ${SENTIMENT_MIN} to ${SENTIMENT_MAX}`, { fields: ['sentiment'] });
  }
}

/** The first outbound contact (any outcome: an attempt counts) moves a newly identified case on. */
export function statusAfterInteraction(status: CaseStatus, direction: InteractionDirection): CaseStatus | null {
  return direction === InteractionDirection.OUTBOUND && status === CaseStatus.IDENTIFIED ? CaseStatus.CONTACTED : null;
}
