/** Queues, one per kind of work, so a slow import never delays a reminder. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  OUTREACH = 'outreach',
  IMPORTS = 'imports',
  /** Dry runs of uploaded files: short, so an upload is not validated only after a long import run ends. */
  IMPORT_DRY_RUNS = 'import-dry-runs',
  /** Monthly trust snapshots: long set-based statements that must not hold up the sweeps. */
  TRUST = 'trust',
}

/** Every job the workers know. Each has exactly one queue (JOB_QUEUE) and one handler, in its queue processor's exhaustive switch. */
export enum JobName {
  PURGE_EXPIRED_SESSIONS = 'purge-expired-sessions',
  COMMITMENT_OVERDUE_SWEEP = 'commitment-overdue-sweep',
  SLA_SWEEP = 'sla-sweep',
  RUN_IMPORT = 'run-import',
  DRY_RUN_IMPORT = 'dry-run-import',
  DROP_IDLE_IMPORT_STAGES = 'drop-idle-import-stages',
  TRUST_SNAPSHOTS = 'trust-snapshots',
}

/** The queue each job runs on. A new JobName fails to compile until it is given one. */
export const JOB_QUEUE = {
  [JobName.PURGE_EXPIRED_SESSIONS]: QueueName.MAINTENANCE,
  [JobName.COMMITMENT_OVERDUE_SWEEP]: QueueName.OUTREACH,
  [JobName.SLA_SWEEP]: QueueName.OUTREACH,
  [JobName.RUN_IMPORT]: QueueName.IMPORTS,
  [JobName.DRY_RUN_IMPORT]: QueueName.IMPORT_DRY_RUNS,
  [JobName.DROP_IDLE_IMPORT_STAGES]: QueueName.IMPORTS,
  [JobName.TRUST_SNAPSHOTS]: QueueName.TRUST,
} as const satisfies Record<JobName, QueueName>;

/** The jobs of one queue: what its processor's switch must handle, exhaustively. */
export type JobOn<Q extends QueueName> = { [K in JobName]: (typeof JOB_QUEUE)[K] extends Q ? K : never }[JobName];

/** A job's name as one of `queue`'s jobs; a job of another queue, or an unknown one, is a wiring bug and throws. */
export function jobOn<Q extends QueueName>(queue: Q, name: string): JobOn<Q> {
  const home = (JOB_QUEUE as Record<string, QueueName | undefined>)[name];
  if (home === undefined) throw new Error(`No handler for job ${name} on queue ${queue}`);
  if (home !== queue) throw new Error(`${name} belongs on the ${home} queue, not ${queue}`);
  return name as JobOn<Q>;
}
