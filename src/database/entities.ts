import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { RecoveryCaseEntity } from '../modules/cases/recovery-case.entity';
import { CrisisPhaseChangeEntity } from '../modules/crises/crisis-phase-change.entity';
import { CrisisEntity } from '../modules/crises/crisis.entity';
import { ContactEntity } from '../modules/stakeholders/contact.entity';
import { StakeholderEntity } from '../modules/stakeholders/stakeholder.entity';
import { UserEntity } from '../modules/users/user.entity';
import { ApprovalLimitEntity } from '../modules/compensation/approval-limit.entity';
import { CompensationIssueRequestEntity } from '../modules/compensation/compensation-issue-request.entity';
import { CompensationEntity } from '../modules/compensation/compensation.entity';
import { EntitlementDefaultEntity } from '../modules/compensation/entitlement-default.entity';
import { PolicySettingsEntity } from '../modules/compensation/policy-settings.entity';
import { InteractionEntity } from '../modules/interactions/interaction.entity';
import { MessageTemplateVersionEntity } from '../modules/messaging/message-template-version.entity';
import { MessageTemplateEntity } from '../modules/messaging/message-template.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { CommitmentKpiMeasurementEntity } from '../modules/commitments/commitment-kpi-measurement.entity';
import { CommitmentEntity } from '../modules/commitments/commitment.entity';
import { MeetingAttendeeEntity } from '../modules/meetings/meeting-attendee.entity';
import { MeetingContactEntity } from '../modules/meetings/meeting-contact.entity';
import { MeetingRescheduleEntity } from '../modules/meetings/meeting-reschedule.entity';
import { MeetingEntity } from '../modules/meetings/meeting.entity';
import { CadenceEnrolmentEntity } from '../modules/cadences/cadence-enrolment.entity';
import { CadenceMatrixEntryEntity } from '../modules/cadences/cadence-matrix-entry.entity';
import { CadenceStepEntity } from '../modules/cadences/cadence-step.entity';
import { CadenceEntity } from '../modules/cadences/cadence.entity';
import { OutreachTaskEntity } from '../modules/cadences/outreach-task.entity';
import { SlaEscalationEntity } from '../modules/sla/sla-escalation.entity';
import { SlaSettingsEntity } from '../modules/sla/sla-settings.entity';
import { ImportEntity } from '../modules/imports/import.entity';
import { StakeholderLifecycleEventEntity } from '../modules/signals/stakeholder-lifecycle-event.entity';
import { StakeholderRevenueMonthEntity } from '../modules/signals/stakeholder-revenue-month.entity';
import { SurveyResponseEntity } from '../modules/signals/survey-response.entity';
import { CaseTrustSnapshotEntity } from '../modules/trust/case-trust-snapshot.entity';
import { TrustSettingsEntity } from '../modules/trust/trust-settings.entity';

/** Listed as classes, not globs, so one list serves the compiled app, ts-jest and the CLI. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  SessionEntity,
  AuditEntryEntity,
  CrisisEntity,
  CrisisPhaseChangeEntity,
  StakeholderEntity,
  ContactEntity,
  RecoveryCaseEntity,
  CompensationEntity,
  CompensationIssueRequestEntity,
  ApprovalLimitEntity,
  PolicySettingsEntity,
  EntitlementDefaultEntity,
  MessageTemplateEntity,
  MessageTemplateVersionEntity,
  InteractionEntity,
  NotificationEntity,
  MeetingEntity,
  MeetingAttendeeEntity,
  MeetingContactEntity,
  MeetingRescheduleEntity,
  CommitmentEntity,
  CommitmentKpiMeasurementEntity,
  CadenceEntity,
  CadenceStepEntity,
  CadenceMatrixEntryEntity,
  CadenceEnrolmentEntity,
  OutreachTaskEntity,
  SlaSettingsEntity,
  SlaEscalationEntity,
  ImportEntity,
  SurveyResponseEntity,
  StakeholderRevenueMonthEntity,
  StakeholderLifecycleEventEntity,
  TrustSettingsEntity,
  CaseTrustSnapshotEntity,
];
