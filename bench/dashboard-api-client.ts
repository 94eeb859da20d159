/**
 * The dashboard bench's API client, in a process of its own so that sending requests and
 * reading responses does not share an event loop (and a garbage collector) with the server
 * being timed. Forked with an IPC channel (see `ApiClient`): it is told the base URL, the token
 * and the requests once, then, for each message naming a request, sends that request and
 * answers with how long it took there, in milliseconds.
 */
import { ChildProcess, fork } from 'node:child_process';
import { graphql } from './request-timing';

export interface ApiRequest {
  query: string;
  variables: Record<string, unknown>;
}

interface Setup {
  base: string;
  token: string;
  requests: ApiRequest[];
}

type Reply = { ms: number } | { error: string };

/** The parent's side: forks this file and times one request at a time through it. */
export class ApiClient {
  private readonly child: ChildProcess;

  private constructor(setup: Setup) {
    this.child = fork(__filename, [], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
    this.child.send(setup);
  }

  static start(base: string, token: string, requests: ApiRequest[]): ApiClient {
    return new ApiClient({ base, token, requests });
  }

  /** Sends request `index` from the client process; resolves with its duration there. */
  time(index: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (reply: Reply) => ('ms' in reply ? resolve(reply.ms) : reject(new Error(reply.error))));
      this.child.send({ index });
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

function serve(): void {
  let setup: Setup | undefined;
  process.on('message', (message: Setup | { index: number }) => {
    if ('requests' in message) {
      setup = message;
      return;
    }
    const { base, token, requests } = setup!;
    const { query, variables } = requests[message.index];
    const t0 = process.hrtime.bigint();
    graphql(base, token, query, variables).then(
      () => process.send!({ ms: Number(process.hrtime.bigint() - t0) / 1e6 } satisfies Reply),
      (error: unknown) => process.send!({ error: String(error) } satisfies Reply),
    );
  });
}

if (require.main === module) serve();
