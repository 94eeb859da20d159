import { goldenHoursClock, replyClock, SlaState } from './sla-clock';

const opened = new Date('2026-11-25T08:00:00Z');
const plus = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);

describe('golden hours', () => {
  const clock = (firstOutboundAt: Date | null, now: Date, required = true) =>
    goldenHoursClock({ openedAt: opened, required, withinHours: 4, firstOutboundAt, now });

  it.each([
    ['pending before the deadline', null, plus(239), SlaState.PENDING],
    ['still pending exactly at the deadline', null, plus(240), SlaState.PENDING],
    ['breached one minute after', null, plus(241), SlaState.BREACHED],
    ['met by a contact exactly at the deadline', plus(240), plus(500), SlaState.MET],
    ['met early', plus(30), plus(31), SlaState.MET],
    ['breached by a late contact, which is still recorded', plus(241), plus(300), SlaState.BREACHED],
  ])('%s', (_, firstOutboundAt, now, state) => {
    const result = clock(firstOutboundAt, now);
    expect(result.state).toBe(state);
    expect(result.dueAt).toEqual(plus(240));
    expect(result.fulfilledAt).toEqual(firstOutboundAt);
  });

  it('is not owed for lower-impact cases', () => {
    expect(clock(null, plus(10_000), false)).toMatchObject({ state: SlaState.NOT_REQUIRED, dueAt: null });
  });
});

describe('every message answered', () => {
  it('runs 24 hours from the inbound message', () => {
    expect(replyClock(opened, 24, null, plus(24 * 60)).state).toBe(SlaState.PENDING);
    expect(replyClock(opened, 24, null, plus(24 * 60 + 1)).state).toBe(SlaState.BREACHED);
    expect(replyClock(opened, 24, plus(24 * 60), plus(3000)).state).toBe(SlaState.MET);
    expect(replyClock(opened, 24, plus(24 * 60 + 1), plus(3000)).state).toBe(SlaState.BREACHED);
  });
});
