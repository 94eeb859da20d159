/** The payload of JobName.TRUST_SNAPSHOTS. */
export interface TrustSnapshotJobData {
  crisisId: string | null;
  /** Every month since each crisis started; otherwise this month and the last (the nightly run). */
  backfill: boolean;
}

/** One id per kind of refresh, so a second request while one is waiting or running is not queued twice. */
export function trustSnapshotJobId(data: TrustSnapshotJobData): string {
  return `trust-snapshots.${data.crisisId ?? 'all'}.${data.backfill ? 'backfill' : 'recent'}`;
}
