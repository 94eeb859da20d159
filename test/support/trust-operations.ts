/** GraphQL operations of the trust signals and the trust index, for the end-to-end tests. */

const BATCH = 'committed created updated unchanged rejected rows { index status id errors { field code message } }';

export const RECORD_SURVEY_RESPONSE = `mutation ($input: SurveyResponseInput!) {
  recordSurveyResponse(input: $input) { id caseId stakeholderId contactId kind score respondedAt comment isPreCrisis } }`;

export const RECORD_SURVEY_RESPONSES = `mutation ($rows: [SurveyResponseInput!]!, $acceptPartial: Boolean) {
  recordSurveyResponses(rows: $rows, acceptPartial: $acceptPartial) { ${BATCH} } }`;

export const RECORD_REVENUE_MONTH = `mutation ($input: RevenueMonthInput!) {
  recordRevenueMonth(input: $input) { stakeholderId month amount { amountMinor currency } } }`;

export const RECORD_REVENUE_MONTHS = `mutation ($rows: [RevenueMonthInput!]!, $acceptPartial: Boolean) {
  recordRevenueMonths(rows: $rows, acceptPartial: $acceptPartial) { ${BATCH} } }`;

export const RECORD_LIFECYCLE_EVENT = `mutation ($input: LifecycleEventInput!) {
  recordLifecycleEvent(input: $input) { id stakeholderId caseId kind occurredAt note } }`;

export const RECORD_LIFECYCLE_EVENTS = `mutation ($rows: [LifecycleEventInput!]!, $acceptPartial: Boolean) {
  recordLifecycleEvents(rows: $rows, acceptPartial: $acceptPartial) { ${BATCH} } }`;

export const UPDATE_TRUST_SETTINGS = `mutation ($input: UpdateTrustSettingsInput!) {
  updateTrustSettings(input: $input) { weightSurveyTrust weightNps recoveringMin recoveredMin lookbackMonths } }`;

export const REFRESH_TRUST_SNAPSHOTS = `mutation ($crisisId: ID, $backfill: Boolean) {
  refreshTrustSnapshots(crisisId: $crisisId, backfill: $backfill) { jobId queued } }`;
