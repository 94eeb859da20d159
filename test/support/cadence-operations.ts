/** GraphQL documents for cadences, enrolments, outreach tasks and "my day". */
export const CADENCE_FIELDS = `id name description isActive steps { position offset channel action templateId }`;
export const TASK_FIELDS = `id enrolmentId caseId ownerId stepPosition channel action templateId dueAt originalDueAt fatigueNote status
  isOverdue doneInteractionId skippedReason completedAt`;
export const ENROLMENT_FIELDS = `id caseId cadenceId status enrolledAt pausedAt stoppedAt stopReason tasks { ${TASK_FIELDS} }`;

export const CREATE_CADENCE = `mutation ($input: CreateCadenceInput!) { createCadence(input: $input) { ${CADENCE_FIELDS} } }`;
export const UPDATE_CADENCE = `mutation ($id: ID!, $input: UpdateCadenceInput!) { updateCadence(id: $id, input: $input) { ${CADENCE_FIELDS} } }`;
export const DEACTIVATE_CADENCE = `mutation ($id: ID!) { deactivateCadence(id: $id) { ${CADENCE_FIELDS} } }`;
export const CADENCES = `query ($includeInactive: Boolean) { cadences(includeInactive: $includeInactive) { ${CADENCE_FIELDS} } }`;
export const SET_MATRIX = `mutation ($severity: CrisisSeverity!, $impact: ImpactLevel!, $cadenceId: ID) {
  setCadenceMatrixEntry(severity: $severity, impact: $impact, cadenceId: $cadenceId) { severity impact cadence { id name } } }`;
export const MATRIX = `{ cadenceMatrix { severity impact cadence { id name } } }`;

export const ENROL = `mutation ($caseId: ID!, $cadenceId: ID) { enrolCase(caseId: $caseId, cadenceId: $cadenceId) { ${ENROLMENT_FIELDS} } }`;
export const CASE_ENROLMENT = `query ($caseId: ID!) { caseEnrolment(caseId: $caseId) { ${ENROLMENT_FIELDS} } }`;
export const PAUSE = `mutation ($id: ID!) { pauseEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`;
export const RESUME = `mutation ($id: ID!) { resumeEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`;
export const STOP = `mutation ($id: ID!, $reason: String!) { stopEnrolment(id: $id, reason: $reason) { ${ENROLMENT_FIELDS} } }`;
export const SKIP_TASK = `mutation ($id: ID!, $reason: String!) { skipTask(id: $id, reason: $reason) { ${TASK_FIELDS} } }`;
export const MY_DAY = `{ myDay { tasks { task { id dueAt isOverdue action channel } case { id priority } stakeholder { id name }
  message { templateVersionId channel subject body } messageError } overdueCommitments { id } } }`;
