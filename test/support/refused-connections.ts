/**
 * Keeps a suite that stops its own Redis readable. While that Redis is down, BullMQ prints one
 * `console.error(ECONNREFUSED …)` per reconnect attempt of every queue (the app's queues have no
 * 'error' listener, so BullMQ falls back to the console): ~1,700 lines of expected traces.
 *
 * Only a refused connection to `port` (the suite's own Redis) is silenced, whether it comes as
 * the error object (BullMQ) or as text (ioredis' "Unhandled error event"). Any other
 * console.error, including a refused connection to another port, is printed as before.
 */
export interface RefusedConnections {
  /** How many console.error calls were silenced so far. */
  readonly silenced: () => number;
  /** Puts console.error back. */
  readonly restore: () => void;
}

export function silenceRefusedConnections(port: number): RefusedConnections {
  const print = console.error;
  let silenced = 0;
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args.some((arg) => isRefusedConnection(arg, port))) {
      silenced += 1;
      return;
    }
    print.apply(console, args);
  });
  return { silenced: () => silenced, restore: () => spy.mockRestore() };
}

/**
 * Duck-typed rather than `instanceof Error`: the error is created by Node's `net` outside the
 * test's realm, where jest's `Error` is a different class.
 */
export function isRefusedConnection(value: unknown, port: number): boolean {
  // (?!\d): port 4494 must not match a refusal at 44949.
  if (typeof value === 'string') return new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}(?!\\d)`).test(value);
  if (typeof value !== 'object' || value === null) return false;
  const error = value as { code?: unknown; port?: unknown };
  return error.code === 'ECONNREFUSED' && error.port === port;
}
