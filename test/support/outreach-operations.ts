/** GraphQL documents for message templates, interactions, the case timeline and notifications. */
export const VERSION_FIELDS = `id templateId version subject body placeholders status allowedNextStatuses
  submittedAt approvedAt retiredAt author { id } submittedBy { id } approvedBy { id } retiredBy { id }`;

export const CREATE_TEMPLATE = `mutation ($input: CreateMessageTemplateInput!) {
  createMessageTemplate(input: $input) { id crisisId channel kind name createdBy { id } crisis { id }
    versions { ${VERSION_FIELDS} } approvedVersion { id } } }`;

export const DRAFT_VERSION = `mutation ($id: ID!, $input: TemplateVersionContentInput!) {
  draftTemplateVersion(id: $id, input: $input) { ${VERSION_FIELDS} } }`;

export const EDIT_DRAFT = `mutation ($id: ID!, $input: TemplateVersionContentInput!) {
  editTemplateDraft(id: $id, input: $input) { ${VERSION_FIELDS} } }`;

export const SUBMIT = `mutation ($id: ID!) { submitTemplateVersion(id: $id) { ${VERSION_FIELDS} } }`;
export const APPROVE = `mutation ($id: ID!) { approveTemplateVersion(id: $id) { ${VERSION_FIELDS} } }`;
export const RETIRE = `mutation ($id: ID!, $reason: String) { retireTemplateVersion(id: $id, reason: $reason) { ${VERSION_FIELDS} } }`;

export const TEMPLATE = `query ($id: ID!) { messageTemplate(id: $id) { id name versions { id version status } approvedVersion { id version } } }`;
export const VERSION = `query ($id: ID!) { messageTemplateVersion(id: $id) { ${VERSION_FIELDS} template { id name } } }`;
export const TEMPLATES = `query ($crisisId: ID!, $channel: ContactChannel, $first: Int, $after: String) {
  messageTemplates(crisisId: $crisisId, channel: $channel, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name channel approvedVersion { version } } } } }`;

export const RENDER = `query ($versionId: ID!, $caseId: ID!, $contactId: ID) {
  renderTemplate(versionId: $versionId, caseId: $caseId, contactId: $contactId) { templateVersionId channel subject body } }`;

export const VERSION_AUDIT = `query ($id: ID!) { auditTrail(record: MESSAGE_TEMPLATE_VERSION, recordId: $id, first: 100) {
  edges { node { action before after actor { id } } } } }`;

export const LOG_INTERACTION = `mutation ($input: LogInteractionInput!) {
  logInteraction(input: $input) { id caseId contactId channel direction occurredAt summary outcome sentiment
    templateVersionId followUpNeeded createdAt actor { id } contact { id name } templateVersion { id version } } }`;

export const CASE_TIMELINE = `query ($caseId: ID!, $first: Int, $after: String) {
  caseTimeline(caseId: $caseId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { __typename id kind occurredAt summary details actor { id name }
      ... on InteractionTimelineItem { interaction { id direction outcome contact { id name } } }
      ... on StatusChangeTimelineItem { fromStatus toStatus note }
      ... on CompensationTimelineItem { compensationId compensationKind compensationFrom: fromCompensationStatus compensationTo: toCompensationStatus
        value { amountMinor currency } note }
      ... on MeetingTimelineItem { meetingId meetingKind action note } } } } }`;

export const MY_NOTIFICATIONS = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id kind title body recordType recordId readAt createdAt } } } }`;
export const UNREAD_COUNT = `{ unreadNotificationCount }`;
export const MARK_READ = `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }`;
export const MARK_ALL_READ = `mutation { markAllNotificationsRead }`;
