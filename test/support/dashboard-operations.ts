/** Every field of every dashboard section, for comparing a whole dashboard at once. */
const SHARE = '{ numerator denominator basisPoints }';
const MONEY = '{ amountMinor currency }';

export const DASHBOARD_SECTIONS = {
  response: `response { cases casesByStatus { status count } contactedWithinGoldenHours ${SHARE} medianSecondsToFirstContact
    inboundAnsweredWithinSla ${SHARE} outboundWithApprovedTemplate ${SHARE} }`,
  cost: `cost { compensationByKindAndStatus { kind status count total ${MONEY} }
    byCurrency { currency estimatedLoss ${MONEY} compensationGiven ${MONEY} lossRatioBasisPoints
      retainedRevenue ${MONEY} retainedRevenuePerCompensationBasisPoints } }`,
  recoveryCurve: `recoveryCurve { monthIndex cases averageTrustIndex nps { respondents promoters passives detractors score } averageCsat
    revenueVsBaseline { currency revenue ${MONEY} baseline ${MONEY} shareBasisPoints } retention ${SHARE} promiseKept { kept due rate } }`,
  timeToRecovery: `timeToRecovery { cases medianMonths recoveredBy3Months ${SHARE} recoveredBy6Months ${SHARE}
    recoveredBy12Months ${SHARE} recoveredEver ${SHARE} }`,
  atRisk: `atRisk(first: $first) { caseId stakeholderId stakeholderName ownerId status monthIndex trustIndex band reasons { code message points } }`,
};

const ALL = Object.values(DASHBOARD_SECTIONS).join('\n');

export const CRISIS_DASHBOARD = `query ($crisisId: ID!, $filter: DashboardFilter, $first: Int! = 20) {
  crisisDashboard(crisisId: $crisisId, filter: $filter) { crisisId crisisTitle ${ALL} } }`;

export const COMPARE_CRISES = `query ($crisisIds: [ID!]!, $filter: DashboardFilter, $first: Int! = 20) {
  compareCrises(crisisIds: $crisisIds, filter: $filter) { crisisId crisisTitle ${ALL} } }`;

export const sectionQuery = (section: keyof typeof DASHBOARD_SECTIONS) =>
  `query ($crisisId: ID!, $filter: DashboardFilter${section === 'atRisk' ? ', $first: Int! = 20' : ''}) {
  crisisDashboard(crisisId: $crisisId, filter: $filter) { ${DASHBOARD_SECTIONS[section]} } }`;
