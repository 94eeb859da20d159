import { CompensationKind, CompensationStatus } from '../compensation/compensation.enums';
import { MeetingKind } from '../meetings/meeting.enums';
import { MeetingTimelineAction } from './interaction.enums';

/** The compensation audit actions the timeline shows, and the status each one leads to. */
export const COMPENSATION_STEP_ACTIONS: Readonly<Record<string, CompensationStatus>> = {
  COMPENSATION_PROPOSED: CompensationStatus.PROPOSED,
  COMPENSATION_APPROVED: CompensationStatus.APPROVED,
  COMPENSATION_REJECTED: CompensationStatus.REJECTED,
  COMPENSATION_CANCELLED: CompensationStatus.CANCELLED,
  COMPENSATION_ISSUED: CompensationStatus.ISSUED,
  COMPENSATION_ACCEPTED: CompensationStatus.ACCEPTED,
  COMPENSATION_DECLINED: CompensationStatus.DECLINED,
};

/** The meeting audit actions the timeline shows. */
export const MEETING_ACTIONS = ['MEETING_SCHEDULED', 'MEETING_RESCHEDULED', 'MEETING_STATUS_CHANGED'] as const;

const COMPENSATION_LABELS: Record<CompensationKind, string> = {
  REFUND: 'Refund',
  COUPON: 'Coupon',
  CONTRACT_EXTENSION: 'Contract extension',
  SERVICE_CREDIT: 'Service credit',
  CUSTOM: 'Custom compensation',
};

const MEETING_LABELS: Record<MeetingKind, string> = {
  FOLLOW_UP_CALL: 'Follow-up call',
  REVIEW_MEETING: 'Review meeting',
  SITE_VISIT: 'Site visit',
  EXECUTIVE_VISIT: 'Executive visit',
};

const MEETING_VERBS: Record<MeetingTimelineAction, string> = {
  SCHEDULED: 'scheduled',
  RESCHEDULED: 'rescheduled',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  NO_SHOW: 'marked as no-show',
};

/** The currency's usual number of decimals (JPY 0, EUR 2, KWD 3); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "125000" EUR → "1,250.00 EUR": exact, with integer arithmetic only. */
export function formatMinorUnits(amountMinor: string, currency: string): string {
  const minor = BigInt(amountMinor);
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const digits = currencyDigits(currency);
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${sign}${whole}${fraction} ${currency}`;
}

export interface CompensationStep {
  kind: CompensationKind;
  toStatus: CompensationStatus;
  amountMinor: string;
  currency: string;
  extensionMonths: number | null;
  note: string | null;
}

/** "Refund of 250.00 EUR approved", "Contract extension of 6 months (900.00 EUR) rejected: too generous". */
export function compensationStepSummary(step: CompensationStep): string {
  const money = formatMinorUnits(step.amountMinor, step.currency);
  const what =
    step.kind === CompensationKind.CONTRACT_EXTENSION && step.extensionMonths !== null
      ? `${COMPENSATION_LABELS[step.kind]} of ${step.extensionMonths} months (${money})`
      : `${COMPENSATION_LABELS[step.kind]} of ${money}`;
  return `${what} ${step.toStatus.toLowerCase()}${step.note ? `: ${step.note}` : ''}`;
}

/** Which of the timeline's meeting actions an audit entry records. */
export function meetingActionOf(auditAction: string, toStatus: string | null): MeetingTimelineAction {
  if (auditAction === 'MEETING_SCHEDULED') return MeetingTimelineAction.SCHEDULED;
  if (auditAction === 'MEETING_RESCHEDULED') return MeetingTimelineAction.RESCHEDULED;
  return toStatus as MeetingTimelineAction;
}

export interface MeetingStep {
  kind: MeetingKind;
  title: string;
  action: MeetingTimelineAction;
  startsAt: string | null;
  note: string | null;
}

/** 'Review meeting "Quarterly review" scheduled for 2027-01-04T08:00:00.000Z', '... completed: They accept'. */
export function meetingStepSummary(step: MeetingStep): string {
  const when = step.startsAt && (step.action === 'SCHEDULED' || step.action === 'RESCHEDULED') ? ` for ${step.startsAt}` : '';
  return `${MEETING_LABELS[step.kind]} "${step.title}" ${MEETING_VERBS[step.action]}${when}${step.note ? `: ${step.note}` : ''}`;
}
