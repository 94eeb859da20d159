/** GraphQL documents for the compensation API, shared by the specs that drive it. */
export const COMPENSATION_FIELDS = `id caseId kind status allowedNextStatuses value { amountMinor currency }
  refundReference couponPercent couponExpiresOn couponCode extensionMonths contractEndBefore contractEndAfter description
  proposedAt approvedAt approvalJustification rejectedAt rejectionReason cancelledAt cancellationReason
  issuedAt issueReference respondedAt declineReason
  proposedBy { id } approvedBy { id } rejectedBy { id } cancelledBy { id } issuedBy { id } respondedBy { id }
  case { id status }`;

export const PROPOSE = `mutation ($input: ProposeCompensationInput!) {
  proposeCompensation(input: $input) { ${COMPENSATION_FIELDS} } }`;

export const APPROVE = `mutation ($id: ID!, $justification: String) {
  approveCompensation(id: $id, justification: $justification) { ${COMPENSATION_FIELDS} } }`;

export const REJECT = `mutation ($id: ID!, $reason: String!) { rejectCompensation(id: $id, reason: $reason) { ${COMPENSATION_FIELDS} } }`;

export const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelCompensation(id: $id, reason: $reason) { ${COMPENSATION_FIELDS} } }`;

export const ISSUE = `mutation ($id: ID!, $idempotencyKey: String!, $reference: String) {
  issueCompensation(id: $id, idempotencyKey: $idempotencyKey, reference: $reference) { ${COMPENSATION_FIELDS} } }`;

export const RESPOND = `mutation ($id: ID!, $response: CompensationResponse!, $reason: String) {
  recordCompensationResponse(id: $id, response: $response, reason: $reason) { ${COMPENSATION_FIELDS} } }`;

export const COMPENSATION = `query ($id: ID!) { compensation(id: $id) { ${COMPENSATION_FIELDS} } }`;

export const COMPENSATIONS = `query ($first: Int, $after: String, $caseId: ID, $crisisId: ID, $kind: [CompensationKind!],
    $status: [CompensationStatus!], $stakeholderKind: StakeholderKind, $segment: String) {
  compensations(first: $first, after: $after, caseId: $caseId, crisisId: $crisisId, kind: $kind, status: $status,
      stakeholderKind: $stakeholderKind, segment: $segment) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status } } } }`;

export const APPROVAL_QUEUE = `query ($first: Int, $after: String) {
  compensationApprovalQueue(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id value { amountMinor } proposedBy { id name } case { id stakeholderId } } } } }`;

export const APPROVAL_POLICY = `{ approvalPolicy { leadershipExtensionMonthsAbove fairnessRatioPermille limits { role currency limitMinor } } }`;

export const UPDATE_APPROVAL_POLICY = `mutation ($input: UpdateApprovalPolicyInput!) {
  updateApprovalPolicy(input: $input) { leadershipExtensionMonthsAbove fairnessRatioPermille limits { role currency limitMinor } } }`;

export const SET_ENTITLEMENT_DEFAULT = `mutation ($input: SetEntitlementDefaultInput!) {
  setEntitlementDefault(input: $input) { crisisId impact tier kind value { amountMinor currency } extensionMonths } }`;

export const SUGGESTED = `query ($caseId: ID!) { suggestedCompensation(caseId: $caseId) { kind value { amountMinor currency } extensionMonths } }`;

export const AUDIT_TRAIL = `query ($record: AuditedRecord!, $id: ID!) { auditTrail(record: $record, recordId: $id, first: 100) {
  edges { node { action before after actor { id } } } } }`;

/** A coupon expiry comfortably in the future. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid proposal of each kind for a case; overrides replace fields. */
export function proposal(caseId: string, kind: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const value = { amountMinor: '25000', currency: 'EUR' };
  const byKind: Record<string, Record<string, unknown>> = {
    REFUND: { value, refundReference: 'ORD-2026-118842' },
    COUPON: { value, couponExpiresOn: inDays(90) },
    CONTRACT_EXTENSION: { extensionMonths: 6 },
    SERVICE_CREDIT: { value },
    CUSTOM: { value, description: 'Free on-site inspection of every installed unit' },
  };
  return { caseId, kind, ...byKind[kind], ...overrides };
}
