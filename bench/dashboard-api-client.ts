/**
 * The dashboard bench's API client, in a process of its own so that sending requests and
 * reading responses does not share an event loop (and a garbage collector) with the server
 * being timed. Reads the job from BENCH_API_JOB (JSON: base URL, token, runs, warm-up runs and
 * the requests) and prints one JSON line: each request's p50 and p95 in milliseconds, in order.
 */
import { graphql, Percentiles, timeRuns } from './request-timing';

export interface ApiTimingJob {
  base: string;
  token: string;
  runs: number;
  warmUp: number;
  requests: { query: string; variables: Record<string, unknown> }[];
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_API_JOB ?? '') as ApiTimingJob;
  const timings: Percentiles[] = [];
  for (const request of job.requests) {
    timings.push(await timeRuns(() => graphql(job.base, job.token, request.query, request.variables), job.runs, job.warmUp));
  }
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
