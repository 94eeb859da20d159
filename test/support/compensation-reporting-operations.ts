/** GraphQL documents for compensation reporting: totals, loss ratios, the budget and its burn-down. */
const MONEY = '{ amountMinor currency }';
const RATIO = `currency issued ${MONEY} estimatedLoss ${MONEY} ratioBasisPoints`;

export const TOTALS = `query ($crisisId: ID!, $kind: [CompensationKind!], $status: [CompensationStatus!],
    $stakeholderKind: StakeholderKind, $segment: String) {
  compensationTotals(crisisId: $crisisId, kind: $kind, status: $status, stakeholderKind: $stakeholderKind, segment: $segment) {
    kind status count total ${MONEY} } }`;

export const CRISIS_RATIO = `query ($crisisId: ID!) { compensationLossRatio(crisisId: $crisisId) { ${RATIO} } }`;

export const SEGMENT_RATIOS = `query ($crisisId: ID!) { compensationLossRatiosBySegment(crisisId: $crisisId) { segment ${RATIO} } }`;

export const CASE_RATIOS = `query ($crisisId: ID!, $first: Int) {
  recoveryCases(crisisId: $crisisId, first: $first) { edges { node { id compensationLossRatio { ${RATIO} } } } } }`;

const BUDGET_FIELDS = `crisisId currency budget ${MONEY} committed ${MONEY} issued ${MONEY} remaining ${MONEY} setAt setBy { id }`;

export const BUDGET = `query ($crisisId: ID!) { compensationBudget(crisisId: $crisisId) { ${BUDGET_FIELDS} } }`;

export const BUDGET_WITH_BURN_DOWN = `query ($crisisId: ID!, $granularity: BurnDownGranularity!) {
  compensationBudget(crisisId: $crisisId) { currency
    burnDown(granularity: $granularity) { periodStart issuedInPeriod ${MONEY} issuedToDate ${MONEY} } } }`;

export const SET_BUDGET = `mutation ($crisisId: ID!, $budget: MoneyInput!) {
  setCompensationBudget(crisisId: $crisisId, budget: $budget) { ${BUDGET_FIELDS} } }`;
