import { AppException } from '../../common/errors/app.exception';
import { assertNotInFuture } from '../../common/time/not-in-future';
import { CaseStatus } from '../cases/case.enums';
import { InteractionDirection } from './interaction.enums';

export const SUMMARY_MAX = 5000;
export const SENTIMENT_MIN = -2;
export const SENTIMENT_MAX = 2;

/** The checks every interaction passes, whether logged through the API or by another module. */
export function assertInteractionFields(
  fields: { occurredAt: Date; summary: string; sentiment?: number | null },
  now: Date,
): void {
  if (Number.isNaN(fields.occurredAt.getTime())) throw AppException.badInput('occurredAt is not a valid time', { fields: ['occurredAt'] });
  assertNotInFuture('occurredAt', fields.occurredAt, now);
  if (!fields.summary.trim()) throw AppException.badInput('summary must not be blank', { fields: ['summary'] });
  if (fields.summary.length > SUMMARY_MAX) {
    throw AppException.badInput(`summary is ${fields.summary.length} characters; at most ${SUMMARY_MAX}`, { fields: ['summary'] });
  }
  const { sentiment } = fields;
  if (sentiment !== null && sentiment !== undefined && (!Number.isInteger(sentiment) || sentiment < SENTIMENT_MIN || sentiment > SENTIMENT_MAX)) {
    throw AppException.badInput(`sentiment must be a whole number from ${SENTIMENT_MIN} to ${SENTIMENT_MAX}`, { fields: ['sentiment'] });
  }
}

/**
 * Our contact with a stakeholder on a case happens once the case is open: an OUTBOUND
 * interaction dated earlier would make the time to first contact negative. INBOUND messages
 * may predate it (they are often why the case was opened). Null when it holds.
 */
export function outboundBeforeOpeningProblem(direction: InteractionDirection, occurredAt: Date, caseOpenedAt: Date): string | null {
  if (direction !== InteractionDirection.OUTBOUND || occurredAt.getTime() >= caseOpenedAt.getTime()) return null;
  return (
    `An OUTBOUND contact at ${occurredAt.toISOString()} would precede the case, opened at ${caseOpenedAt.toISOString()}: ` +
    'our contact on a case starts when it is opened (a message they sent before can be logged as INBOUND)'
  );
}

/** The first outbound contact (any outcome: an attempt counts) moves a newly identified case on. */
export function statusAfterInteraction(status: CaseStatus, direction: InteractionDirection): CaseStatus | null {
  return direction === InteractionDirection.OUTBOUND && status === CaseStatus.IDENTIFIED ? CaseStatus.CONTACTED : null;
}
