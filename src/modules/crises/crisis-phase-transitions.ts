import { CrisisPhase } from './crisis.enums';

const { MITIGATION, PREPAREDNESS, RESPONSE, RECOVERY, CLOSED } = CrisisPhase;

/**
 * Where a crisis may go from each phase. A recovery can flare up again (back to RESPONSE),
 * and a closed crisis can be reopened into RECOVERY when its effects return.
 */
export const CRISIS_PHASE_TRANSITIONS: Readonly<Record<CrisisPhase, readonly CrisisPhase[]>> = {
  [MITIGATION]:   [PREPAREDNESS, RESPONSE],
  [PREPAREDNESS]: [RESPONSE],
  [RESPONSE]:     [RECOVERY],
  [RECOVERY]:     [RESPONSE, CLOSED],
  [CLOSED]:       [RECOVERY],
};

/** A crisis is recorded before, or as, it hits; never straight into recovery or closed. */
export const INITIAL_CRISIS_PHASES: readonly CrisisPhase[] = [MITIGATION, PREPAREDNESS, RESPONSE];

export function canMoveCrisis(from: CrisisPhase, to: CrisisPhase): boolean {
  return CRISIS_PHASE_TRANSITIONS[from].includes(to);
}
