import { CompensationKind, CompensationStatus } from '../compensation/compensation.enums';
import { MeetingKind } from '../meetings/meeting.enums';
import { MeetingTimelineAction } from './interaction.enums';
import { compensationStepSummary, currencyDigits, formatMinorUnits, meetingActionOf, meetingStepSummary } from './timeline-summaries';

describe('timeline summaries', () => {
  it('knows the decimals of a currency, and falls back to 2', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('XYZ')]).toEqual([2, 0, 3, 2]);
  });

  it.each([
    ['25000', 'EUR', '250.00 EUR'],
    ['5', 'EUR', '0.05 EUR'],
    ['0', 'USD', '0.00 USD'],
    ['123456789', 'EUR', '1,234,567.89 EUR'],
    ['1500', 'JPY', '1,500 JPY'],
    ['1234', 'KWD', '1.234 KWD'],
    ['-250', 'EUR', '-2.50 EUR'],
    // Beyond Number.MAX_SAFE_INTEGER: still exact.
    ['9007199254740993', 'EUR', '90,071,992,547,409.93 EUR'],
  ])('formats %s minor units of %s as %s', (minor, currency, text) => {
    expect(formatMinorUnits(minor, currency)).toBe(text);
  });

  it('describes compensation steps', () => {
    const refund = { kind: CompensationKind.REFUND, amountMinor: '25000', currency: 'EUR', extensionMonths: null, note: null };
    expect(compensationStepSummary({ ...refund, toStatus: CompensationStatus.APPROVED })).toBe('Refund of 250.00 EUR approved');
    expect(compensationStepSummary({ ...refund, toStatus: CompensationStatus.REJECTED, note: 'Too generous' })).toBe(
      'Refund of 250.00 EUR rejected: Too generous',
    );
    expect(
      compensationStepSummary({ ...refund, kind: CompensationKind.CONTRACT_EXTENSION, extensionMonths: 6, toStatus: CompensationStatus.PROPOSED }),
    ).toBe('Contract extension of 6 months (250.00 EUR) proposed');
  });

  it('describes meeting steps', () => {
    const meeting = { kind: MeetingKind.REVIEW_MEETING, title: 'Quarterly review', startsAt: '2027-01-04T08:00:00.000Z', note: null };
    expect(meetingStepSummary({ ...meeting, action: MeetingTimelineAction.SCHEDULED })).toBe(
      'Review meeting "Quarterly review" scheduled for 2027-01-04T08:00:00.000Z',
    );
    expect(meetingStepSummary({ ...meeting, action: MeetingTimelineAction.COMPLETED, startsAt: null, note: 'They accept' })).toBe(
      'Review meeting "Quarterly review" completed: They accept',
    );
    expect(meetingStepSummary({ ...meeting, action: MeetingTimelineAction.NO_SHOW, startsAt: null })).toBe(
      'Review meeting "Quarterly review" marked as no-show',
    );
  });

  it('maps meeting audit actions', () => {
    expect(meetingActionOf('MEETING_SCHEDULED', 'SCHEDULED')).toBe('SCHEDULED');
    expect(meetingActionOf('MEETING_RESCHEDULED', null)).toBe('RESCHEDULED');
    expect(meetingActionOf('MEETING_STATUS_CHANGED', 'CANCELLED')).toBe('CANCELLED');
  });
});
