import { applyContactFatigue } from './contact-fatigue';

const at = (s: string) => new Date(s);

describe('applyContactFatigue', () => {
  const zone = 'Europe/Berlin';

  it('keeps touches while the week has room', () => {
    const decisions = applyContactFatigue([at('2026-11-24T09:00:00Z'), at('2026-11-25T09:00:00Z')], [at('2026-11-23T09:00:00Z')], zone, 3);
    expect(decisions.map((d) => d.pushedBack)).toEqual([null, null]);
  });

  it('pushes the touch over the limit to the next Monday morning, and says why', () => {
    const booked = [at('2026-11-23T09:00:00Z'), at('2026-11-24T09:00:00Z'), at('2026-11-25T09:00:00Z')];
    const [decision] = applyContactFatigue([at('2026-11-26T10:00:00Z')], booked, zone, 3);
    expect(decision.dueAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(decision.pushedBack).toMatch(/already has 3 outbound touches planned in the week of 2026-11-23/);
  });

  it('keeps pushing while following weeks are full too', () => {
    const booked = [at('2026-11-24T09:00:00Z'), at('2026-12-01T09:00:00Z')];
    const [decision] = applyContactFatigue([at('2026-11-25T09:00:00Z')], booked, zone, 1);
    expect(decision.dueAt.toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('counts the candidates it has placed', () => {
    const decisions = applyContactFatigue(
      [at('2026-11-23T09:00:00Z'), at('2026-11-23T10:00:00Z'), at('2026-11-23T11:00:00Z')],
      [],
      zone,
      2,
    );
    expect(decisions.map((d) => d.dueAt.toISOString())).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
    ]);
  });

  it('uses the stakeholder’s week, not UTC’s', () => {
    // Sunday 22:30 UTC is already Monday in Tokyo: a new week there.
    const [decision] = applyContactFatigue([at('2026-11-29T22:30:00Z')], [at('2026-11-27T01:00:00Z')], 'Asia/Tokyo', 1);
    expect(decision.pushedBack).toBeNull();
  });

  it('refuses a limit below one', () => {
    expect(() => applyContactFatigue([], [], zone, 0)).toThrow(/limitPerWeek/);
  });
});
