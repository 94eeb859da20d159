/** GraphQL documents for the recovery-case API, shared by the specs that drive it. */
const CASE_FIELDS = `id crisisId stakeholderId stakeholder { id name kind } crisis { id title } impact description status priority
  estimatedLoss { amountMinor currency } statusChangedAt allowedNextStatuses createdAt updatedAt
  owner { id role } openedBy { id }`;

export const OPEN_CASE = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;

export const UPDATE_CASE = `mutation ($id: ID!, $input: UpdateCaseInput!) {
  updateCase(id: $id, input: $input) { ${CASE_FIELDS} } }`;

export const CHANGE_CASE_STATUS = `mutation ($id: ID!, $status: CaseStatus!, $note: String) {
  changeCaseStatus(id: $id, status: $status, note: $note) { ${CASE_FIELDS} } }`;

export const REASSIGN_CASE = `mutation ($id: ID!, $ownerId: ID!, $reason: String) {
  reassignCase(id: $id, ownerId: $ownerId, reason: $reason) { ${CASE_FIELDS} } }`;

export const RECOVERY_CASE = `query ($id: ID!) { recoveryCase(id: $id) { ${CASE_FIELDS} } }`;

export const RECOVERY_CASES = `query ($first: Int, $after: String, $crisisId: ID, $status: [CaseStatus!],
    $impact: [ImpactLevel!], $ownerId: ID, $stakeholderKind: StakeholderKind) {
  recoveryCases(first: $first, after: $after, crisisId: $crisisId, status: $status, impact: $impact,
      ownerId: $ownerId, stakeholderKind: $stakeholderKind) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id priority owner { id name } openedBy { id name } stakeholder { name kind } crisis { title } } }
  } }`;

export const MY_CASES = `query ($status: [CaseStatus!]) {
  myCases(first: 100, status: $status) { totalCount edges { node { id priority } } } }`;

export const CASE_AUDIT_TRAIL = `query ($id: ID!) { auditTrail(record: RECOVERY_CASE, recordId: $id, first: 100) {
  edges { node { action before after actor { id } } } } }`;

/** A valid openCase input; overrides replace fields (undefined drops one). */
export function openCaseInput(crisisId: string, stakeholderId: string, overrides: Record<string, unknown> = {}) {
  return {
    crisisId,
    stakeholderId,
    impact: 'HIGH',
    estimatedLoss: { amountMinor: '1250000', currency: 'EUR' },
    description: 'Their cold-storage room lost a week of stock when the thermostat failed.',
    ...overrides,
  };
}
