/** Where an SLA stands: still running, kept, missed, or not owed at all. */
export enum SlaState {
  NOT_REQUIRED = 'NOT_REQUIRED',
  PENDING = 'PENDING',
  MET = 'MET',
  BREACHED = 'BREACHED',
}

export interface SlaClock {
  state: SlaState;
  startedAt: Date | null;
  dueAt: Date | null;
  /** When the obligation was fulfilled (met, or fulfilled late after a breach). */
  fulfilledAt: Date | null;
}

const HOUR_MS = 3_600_000;

/**
 * One clock: an obligation that starts at `startedAt`, is due `withinHours` later and is
 * fulfilled at `fulfilledAt` (if yet). Fulfilling exactly at the deadline meets it; a late
 * fulfilment stays BREACHED, with its time recorded.
 */
export function slaClock(startedAt: Date, withinHours: number, fulfilledAt: Date | null, now: Date): SlaClock {
  const dueAt = new Date(startedAt.getTime() + withinHours * HOUR_MS);
  let state: SlaState;
  if (fulfilledAt) state = fulfilledAt.getTime() <= dueAt.getTime() ? SlaState.MET : SlaState.BREACHED;
  else state = now.getTime() > dueAt.getTime() ? SlaState.BREACHED : SlaState.PENDING;
  return { state, startedAt, dueAt, fulfilledAt };
}

export interface GoldenHoursInput {
  openedAt: Date;
  /** Whether the case's impact needs the golden-hours contact (HIGH and CRITICAL do). */
  required: boolean;
  withinHours: number;
  firstOutboundAt: Date | null;
  now: Date;
}

/** Golden hours: a first outbound contact attempt within N hours of the case being opened. */
export function goldenHoursClock(input: GoldenHoursInput): SlaClock {
  if (!input.required) return { state: SlaState.NOT_REQUIRED, startedAt: null, dueAt: null, fulfilledAt: input.firstOutboundAt };
  return slaClock(input.openedAt, input.withinHours, input.firstOutboundAt, input.now);
}

/** Every message answered: an outbound reply on the case within N hours of an inbound message. */
export function replyClock(inboundAt: Date, withinHours: number, firstReplyAt: Date | null, now: Date): SlaClock {
  return slaClock(inboundAt, withinHours, firstReplyAt, now);
}
