/** Queues, one per kind of work, so a slow import never delays a reminder. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  OUTREACH = 'outreach',
  IMPORTS = 'imports',
  /** Monthly trust snapshots: long set-based statements that must not hold up the sweeps. */
  TRUST = 'trust',
}

/** Every job the workers know. Each has exactly one handler (the processors' exhaustive switches). */
export enum JobName {
  PURGE_EXPIRED_SESSIONS = 'purge-expired-sessions',
  COMMITMENT_OVERDUE_SWEEP = 'commitment-overdue-sweep',
  SLA_SWEEP = 'sla-sweep',
  RUN_IMPORT = 'run-import',
  TRUST_SNAPSHOTS = 'trust-snapshots',
}
