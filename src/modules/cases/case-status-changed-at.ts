/**
 * When a status change happened, in SQL, for a CASE_STATUS_CHANGED audit entry aliased `alias`.
 * The audit trail is the case's status history. A change entered after the fact carries the
 * moment it really happened as `after.changedAt` (the entry's own `occurred_at` stays the moment
 * it was recorded); older entries have only `occurred_at`, which then is both.
 */
export const STATUS_CHANGED_AT = (alias: string): string =>
  `coalesce((${alias}.after ->> 'changedAt')::timestamptz, ${alias}.occurred_at)`;
