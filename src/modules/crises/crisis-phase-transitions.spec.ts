import { canMoveCrisis, CRISIS_PHASE_TRANSITIONS, INITIAL_CRISIS_PHASES } from './crisis-phase-transitions';
import { CrisisPhase } from './crisis.enums';

const ALLOWED = new Set([
  'MITIGATION>PREPAREDNESS',
  'MITIGATION>RESPONSE',
  'PREPAREDNESS>RESPONSE',
  'RESPONSE>RECOVERY',
  'RECOVERY>RESPONSE',
  'RECOVERY>CLOSED',
  'CLOSED>RECOVERY',
]);

describe('crisis phase transitions', () => {
  const phases = Object.values(CrisisPhase);
  const pairs = phases.flatMap((from) => phases.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s follows the table', (from, to) => {
    expect(canMoveCrisis(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('never allows staying in the same phase', () => {
    for (const phase of phases) expect(CRISIS_PHASE_TRANSITIONS[phase]).not.toContain(phase);
  });

  it('lets every phase reach CLOSED eventually', () => {
    for (const start of INITIAL_CRISIS_PHASES) {
      const seen = new Set<CrisisPhase>([start]);
      const queue = [start];
      while (queue.length) {
        for (const next of CRISIS_PHASE_TRANSITIONS[queue.shift()!]) {
          if (!seen.has(next)) seen.add(next), queue.push(next);
        }
      }
      expect(seen.has(CrisisPhase.CLOSED)).toBe(true);
    }
  });
});
