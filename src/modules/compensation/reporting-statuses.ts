import { CompensationStatus } from './compensation.enums';

/**
 * Issued value the stakeholder kept: ISSUED (awaiting an answer) and ACCEPTED. DECLINED was
 * issued but refused, so it is not counted as given, neither in the loss ratio nor against the
 * budget; totals by status still show it.
 */
export const RETAINED_STATUSES: readonly CompensationStatus[] = [CompensationStatus.ISSUED, CompensationStatus.ACCEPTED];

/** Approved and not yet issued: money promised that the budget must still cover. */
export const COMMITTED_NOT_ISSUED_STATUSES: readonly CompensationStatus[] = [CompensationStatus.APPROVED];

/** One basis point is 1/100 of a percent: a ratio of 1 is 10000. */
export const BASIS_POINTS_PER_UNIT = 10_000;
