/**
 * The one source of "now" for every rule: services ask it instead of calling `new Date()`,
 * and statements take its reading as a parameter instead of the database's `now()`, so a
 * rule reads one clock and a test can fix it at any instant (a Friday evening, a DST change).
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's clock: what runs in production. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
