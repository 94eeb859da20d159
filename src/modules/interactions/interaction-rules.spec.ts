import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { CLOCK_SKEW_MS } from '../../common/time/not-in-future';
import { CaseStatus } from '../cases/case.enums';
import { assertInteractionFields, outboundBeforeOpeningProblem, statusAfterInteraction } from './interaction-rules';
import { InteractionDirection } from './interaction.enums';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function codeOf(fields: Parameters<typeof assertInteractionFields>[0]): string | null {
  try {
    assertInteractionFields(fields, NOW);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return (error as AppException).code;
  }
}

describe('interaction rules', () => {
  it('accepts the past, now, and up to five minutes of clock skew', () => {
    for (const when of [at(-86_400_000), NOW, at(CLOCK_SKEW_MS)]) expect(codeOf({ occurredAt: when, summary: 'Called' })).toBeNull();
  });

  it('refuses a time beyond the skew, or an invalid one', () => {
    expect(codeOf({ occurredAt: at(CLOCK_SKEW_MS + 1), summary: 'Called' })).toBe(ErrorCode.BadUserInput);
    expect(codeOf({ occurredAt: new Date('nope'), summary: 'Called' })).toBe(ErrorCode.BadUserInput);
  });

  it('takes a summary of 1 to 5000 characters that is not blank', () => {
    expect(codeOf({ occurredAt: NOW, summary: 'x'.repeat(5000) })).toBeNull();
    expect(codeOf({ occurredAt: NOW, summary: 'x'.repeat(5001) })).toBe(ErrorCode.BadUserInput);
    expect(codeOf({ occurredAt: NOW, summary: '  ' })).toBe(ErrorCode.BadUserInput);
  });

  it.each([-2, -1, 0, 1, 2, null, undefined])('accepts sentiment %p', (sentiment) => {
    expect(codeOf({ occurredAt: NOW, summary: 'x', sentiment })).toBeNull();
  });

  it.each([-3, 3, 0.5])('refuses sentiment %p', (sentiment) => {
    expect(codeOf({ occurredAt: NOW, summary: 'x', sentiment })).toBe(ErrorCode.BadUserInput);
  });

  it('moves only an IDENTIFIED case, and only on outbound contact', () => {
    for (const status of Object.values(CaseStatus)) {
      expect(statusAfterInteraction(status, InteractionDirection.INBOUND)).toBeNull();
      expect(statusAfterInteraction(status, InteractionDirection.OUTBOUND)).toBe(
        status === CaseStatus.IDENTIFIED ? CaseStatus.CONTACTED : null,
      );
    }
  });
});

describe('outboundBeforeOpeningProblem', () => {
  const opened = NOW;
  it('refuses an OUTBOUND contact before the case was opened, by any margin', () => {
    expect(outboundBeforeOpeningProblem(InteractionDirection.OUTBOUND, at(-1), opened)).toMatch(/would precede the case, opened at 2026-11-25T12:00:00.000Z/);
  });
  it('takes an OUTBOUND contact at or after the opening, and INBOUND messages from any time', () => {
    expect(outboundBeforeOpeningProblem(InteractionDirection.OUTBOUND, opened, opened)).toBeNull();
    expect(outboundBeforeOpeningProblem(InteractionDirection.OUTBOUND, at(1), opened)).toBeNull();
    expect(outboundBeforeOpeningProblem(InteractionDirection.INBOUND, at(-86_400_000), opened)).toBeNull();
  });
});
