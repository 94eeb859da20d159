import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

/**
 * CPU seconds each backend of the data source's database has used so far, read from /proc: only
 * when the server runs on this machine (else empty). On a shared machine the wall-clock figures
 * swing with everyone else's load; the CPU the database spent on the work does much less.
 */
export async function databaseCpuSeconds(ds: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const seconds = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Not on this machine, or the backend has gone.
    }
  }
  return seconds;
}

/** CPU seconds the backends used between two readings (backends that appeared count from zero). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
