import { UserRole } from '../../src/modules/users/user-role.enum';

/**
 * The pages a user interface shows, each list at its largest page (100) with the relations a
 * screen shows beside it: the cost limit must let every one of them through.
 */
export interface UiPage {
  name: string;
  role: UserRole;
  query: string;
  /** Which of the fixture's ids the page needs. */
  needs?: ('crisisId' | 'caseId')[];
}

const USER = `{ id name email role }`;
const MONEY = `{ amountMinor currency }`;
const PAGE = `totalCount pageInfo { hasNextPage endCursor }`;
const SLA = `sla { goldenHours { state dueAt fulfilledAt } reply { state dueAt fulfilledAt } }`;
const TRUST = `trust { index band penaltyPoints components { component value weight share } reasons { code message points } }`;
const CASE = `id status priority impact description createdAt statusChangedAt allowedNextStatuses estimatedLoss ${MONEY}
  stakeholder { id name kind tier segment region timeZone doNotContact owner ${USER} }
  owner ${USER} openedBy ${USER} crisis { id title severity phase } ${SLA} ${TRUST}`;
const COMPENSATION = `id kind status description createdAt proposedAt approvedAt issuedAt allowedNextStatuses value ${MONEY}
  proposedBy ${USER} approvedBy ${USER} issuedBy ${USER}
  case { id status priority stakeholder { id name kind } owner ${USER} crisis { id title } estimatedLoss ${MONEY} }`;

export const UI_PAGES: UiPage[] = [
  {
    name: 'recovery cases of a crisis, with stakeholder, owner, crisis, SLA and trust',
    role: UserRole.LEADERSHIP,
    needs: ['crisisId'],
    query: `query ($crisisId: ID) { recoveryCases(crisisId: $crisisId, first: 100) { ${PAGE} edges { cursor node { ${CASE} } } } }`,
  },
  {
    name: 'my cases, with their compensation',
    role: UserRole.AGENT,
    query: `{ myCases(first: 100) { ${PAGE} edges { node { ${CASE} compensations { id kind status value ${MONEY} } } } } }`,
  },
  {
    name: 'a case timeline of every kind of item',
    role: UserRole.LEADERSHIP,
    needs: ['caseId'],
    query: `query ($caseId: ID!) { caseTimeline(caseId: $caseId, first: 100) { ${PAGE} edges { cursor node {
      id kind occurredAt summary details actor ${USER}
      ... on InteractionTimelineItem { interaction { id channel direction outcome sentiment summary occurredAt
        contact { id name title email } actor ${USER} templateVersion { id version subject template { id name } } } }
      ... on CompensationTimelineItem { compensationId compensationKind fromCompensationStatus toCompensationStatus note value ${MONEY} }
      ... on MeetingTimelineItem { meetingId meetingKind action note }
      ... on StatusChangeTimelineItem { fromStatus toStatus note } } } } }`,
  },
  {
    name: 'stakeholders with owner and contacts',
    role: UserRole.LEADERSHIP,
    query: `{ stakeholders(first: 100) { ${PAGE} edges { node { id kind name segment tier region timeZone externalRef doNotContact
      contractReference contractStartDate contractEndDate baselineMonthlyRevenue ${MONEY} owner ${USER}
      contacts { id name title email phone preferredChannel isExecutive } } } } }`,
  },
  {
    name: 'compensation of a crisis',
    role: UserRole.LEADERSHIP,
    needs: ['crisisId'],
    query: `query ($crisisId: ID) { compensations(crisisId: $crisisId, first: 100) { ${PAGE} edges { node { ${COMPENSATION} } } } }`,
  },
  {
    name: 'the approval queue',
    role: UserRole.LEADERSHIP,
    query: `{ compensationApprovalQueue(first: 100) { ${PAGE} edges { node { ${COMPENSATION} } } } }`,
  },
  {
    name: 'crises with lead, spokesperson and phase history',
    role: UserRole.LEADERSHIP,
    query: `{ crises(first: 100) { ${PAGE} edges { node { id title description category severity phase startedAt detectedAt
      firstStatementAt allowedNextPhases lead ${USER} spokesperson ${USER}
      phaseHistory { fromPhase toPhase changedAt note changedBy ${USER} } } } } }`,
  },
  {
    name: 'meetings with stakeholder, case, organiser, attendees and contacts',
    role: UserRole.LEADERSHIP,
    query: `{ meetings(first: 100) { ${PAGE} edges { node { id kind title status startsAt endsAt timeZone location videoLink agenda
      allowedNextStatuses stakeholder { id name kind } case { id status priority } organiser ${USER} attendees ${USER}
      contacts { id name title isExecutive } } } } }`,
  },
  {
    name: 'message templates with their versions',
    role: UserRole.COMMS,
    needs: ['crisisId'],
    query: `query ($crisisId: ID!) { messageTemplates(crisisId: $crisisId, first: 100) { ${PAGE} edges { node { id name kind channel
      createdBy ${USER} approvedVersion { id version subject body }
      versions { id version status subject body placeholders allowedNextStatuses author ${USER} approvedBy ${USER} } } } } }`,
  },
  {
    name: 'escalations',
    role: UserRole.LEADERSHIP,
    query: `{ escalations(first: 100) { ${PAGE} edges { node { id caseId kind level open raisedAt dueAt resolvedAt acknowledgedAt
      acknowledgedBy ${USER} } } } }`,
  },
  {
    name: 'notifications',
    role: UserRole.AGENT,
    query: `{ myNotifications(first: 100) { ${PAGE} edges { node { id kind title body readAt recordType recordId createdAt } } } }`,
  },
  {
    name: 'an audit trail',
    role: UserRole.LEADERSHIP,
    needs: ['caseId'],
    query: `query ($caseId: ID!) { auditTrail(record: RECOVERY_CASE, recordId: $caseId, first: 100) { ${PAGE}
      edges { node { id occurredAt action record recordId before after actor ${USER} } } } }`,
  },
  {
    name: 'users',
    role: UserRole.ADMIN,
    query: `{ users(first: 100) { ${PAGE} edges { node { id name email role isActive createdAt } } } }`,
  },
  {
    name: 'imports',
    role: UserRole.ADMIN,
    query: `{ imports(first: 100) { ${PAGE} edges { node { id kind status fileName fileSizeBytes createdAt startedAt finishedAt
      createdBy ${USER} progress { phase rowsDone errorsSoFar rowsPerSecond cancelRequested } } } } }`,
  },
  {
    name: 'the dashboards of a crisis with 100 cases at risk',
    role: UserRole.LEADERSHIP,
    needs: ['crisisId'],
    query: `query ($crisisId: ID!) { crisisDashboard(crisisId: $crisisId) { crisisId crisisTitle
      atRisk(first: 100) { caseId stakeholderId stakeholderName ownerId status trustIndex band monthIndex reasons { code message points } }
      timeToRecovery { cases medianMonths recoveredEver { numerator denominator basisPoints } } } }`,
  },
];
