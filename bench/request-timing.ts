/** Timing helpers shared by the dashboard bench and its API client process. */
import { Agent, request } from 'node:http';

export interface Percentiles {
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export function percentiles(durations: number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Milliseconds that `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Runs `work` (which resolves with its own duration) `warmUp` times untimed, then `runs` times. */
export async function timeRuns(work: () => Promise<number>, runs: number, warmUp: number): Promise<Percentiles> {
  const durations: number[] = [];
  for (let round = 0; round < warmUp + runs; round += 1) {
    const ms = await work();
    if (round >= warmUp) durations.push(ms);
  }
  return percentiles(durations);
}

/**
 * Times two ways of getting the same answer, `runs` times each after `warmUp` untimed rounds,
 * alternately (and each first in every other round), so that whatever else the machine is
 * doing meanwhile weighs on both alike. Each function resolves with its own duration in
 * milliseconds, measured where it runs.
 */
export async function timePaired(
  a: () => Promise<number>,
  b: () => Promise<number>,
  runs: number,
  warmUp: number,
): Promise<[Percentiles, Percentiles]> {
  const durations: [number[], number[]] = [[], []];
  for (let round = 0; round < warmUp + runs; round += 1) {
    const order = round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const side of order) {
      const ms = await (side === 0 ? a() : b());
      if (round >= warmUp) durations[side].push(ms);
    }
  }
  return [percentiles(durations[0]), percentiles(durations[1])];
}

/**
 * One kept-alive connection and node:http rather than fetch: the client's own cost, which fetch
 * makes larger (about 0.6 ms a request here), is not the API's.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export async function graphql(base: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const payload = JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(new URL('/graphql', base), { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
