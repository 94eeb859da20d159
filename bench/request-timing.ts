/** Timing helpers shared by the dashboard bench and its API client process. */

export interface Percentiles {
  p50: number;
  p95: number;
}

const ms = (ns: bigint) => Number(ns) / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs `work` `warmUp` times untimed, then `runs` times, and gives p50 and p95 in milliseconds. */
export async function timeRuns(work: () => Promise<unknown>, runs: number, warmUp: number): Promise<Percentiles> {
  for (let i = 0; i < warmUp; i += 1) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await work();
    durations.push(ms(process.hrtime.bigint() - t0));
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

export async function graphql(base: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
