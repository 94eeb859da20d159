import { randomUUID } from 'node:crypto';
import { CrisisPhase } from '../src/modules/crises/crisis.enums';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { uploadCsv } from './support/import-operations';
import { ImportValidator } from '../src/modules/imports/import-validator.service';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const { AGENT, PARTNER_MANAGER, COMMS, LEADERSHIP, ADMIN } = UserRole;
const ALL = [AGENT, PARTNER_MANAGER, COMMS, LEADERSHIP, ADMIN];

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

interface Operation {
  name: string;
  allowed: UserRole[];
  /** Builds fresh records for one call, so an allowed call can succeed for the actor. */
  prepare: (actor: SignedIn) => Promise<Call>;
}

/**
 * Every mutation (and the reads) called as every role: the allowed roles succeed, every other
 * role gets FORBIDDEN and changes nothing.
 */
describe('role matrix', () => {
  let t: TestApp;
  let users: Record<UserRole, SignedIn>;
  let otherAgent: string;
  let otherPartnerManager: string;
  let crisisId: string;
  /** The configured admin: sets up records that other roles then act on. */
  let setupAdmin: SignedIn;

  const ds = () => t.dataSource;
  /** A user who only exists to be changed; never signs in. */
  const targetUser = async (role: UserRole, isActive = true): Promise<string> => {
    const [row] = await ds().query(
      `INSERT INTO users (email, name, role, password_hash, is_active) VALUES ($1, 'Target User', $2, 'unused', $3) RETURNING id`,
      [`target-${randomUUID()}@regain.test`, role, isActive],
    );
    return row.id;
  };
  /** A stakeholder the actor owns when their role may own it, else one owned by another user. */
  const stakeholderFor = async (actor: SignedIn, kind?: StakeholderKind) => {
    const k = kind ?? (actor.role === PARTNER_MANAGER ? StakeholderKind.PARTNER : StakeholderKind.CUSTOMER);
    const ownRole = k === StakeholderKind.PARTNER ? PARTNER_MANAGER : AGENT;
    const fallback = k === StakeholderKind.PARTNER ? otherPartnerManager : otherAgent;
    return makeStakeholder(ds(), { kind: k, ownerId: actor.role === ownRole ? actor.id : fallback });
  };
  const caseFor = async (actor: SignedIn) => {
    const stakeholder = await stakeholderFor(actor);
    // Opened a day ago: the contacts logged on it happened since.
    return makeCase(ds(), { crisisId, stakeholderId: stakeholder.id, ownerId: stakeholder.ownerId! }, { createdAt: new Date(Date.now() - 86_400_000) });
  };
  const setup = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, token = setupAdmin.token) =>
    t.ok<T>(query, variables, token);

  /** A compensation on a case the actor owns (when their role may own it), taken to `stage`. */
  const compensationFor = async (actor: SignedIn, stage: 'PROPOSED' | 'APPROVED' | 'ISSUED'): Promise<string> => {
    const recoveryCase = await caseFor(actor);
    const { proposeCompensation } = await setup(
      `mutation ($input: ProposeCompensationInput!) { proposeCompensation(input: $input) { id } }`,
      { input: { caseId: recoveryCase.id, kind: 'SERVICE_CREDIT', value: { amountMinor: '25000', currency: 'EUR' } } },
    );
    const id: string = proposeCompensation.id;
    if (stage === 'PROPOSED') return id;
    await setup(`mutation ($id: ID!) { approveCompensation(id: $id) { id } }`, { id }, users.LEADERSHIP.token);
    if (stage === 'APPROVED') return id;
    await setup(`mutation ($id: ID!, $key: String!) { issueCompensation(id: $id, idempotencyKey: $key) { id } }`, {
      id,
      key: randomUUID(),
    });
    return id;
  };

  /** A message template version, authored by `author`, taken to `stage`. */
  const templateVersion = async (author: SignedIn | null, stage: 'DRAFT' | 'IN_REVIEW' | 'APPROVED'): Promise<string> => {
    const token = author?.token ?? setupAdmin.token;
    const { createMessageTemplate } = await setup(
      `mutation ($input: CreateMessageTemplateInput!) { createMessageTemplate(input: $input) { id versions { id } } }`,
      {
        input: {
          crisisId,
          channel: 'EMAIL',
          kind: 'STATEMENT',
          name: `Apology ${randomUUID()}`,
          subject: 'We are sorry',
          body: 'Dear {{contact.name}}, we are sorry for the trouble our thermostat caused.',
        },
      },
      token,
    );
    const id: string = createMessageTemplate.versions[0].id;
    if (stage === 'DRAFT') return id;
    await setup(`mutation ($id: ID!) { submitTemplateVersion(id: $id) { id } }`, { id }, token);
    if (stage === 'IN_REVIEW') return id;
    await setup(`mutation ($id: ID!) { approveTemplateVersion(id: $id) { id } }`, { id }, users.LEADERSHIP.token);
    return id;
  };
  /** A meeting slot nobody else in this suite uses, so no attendee is double-booked. */
  let slot = 0;
  const nextSlot = (past: boolean) => {
    slot += 1;
    const start = Date.UTC(past ? 2026 : 2027, 5, 1, 0, 0) + slot * 2 * 3_600_000;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
  };
  /** A follow-up call organised by the actor when their role may organise one, else by the setup admin. */
  const meetingFor = async (actor: SignedIn, past = false): Promise<string> => {
    const organiser = actor.role === COMMS ? setupAdmin : actor;
    const stakeholder = await makeStakeholder(ds(), { kind: StakeholderKind.CUSTOMER, ownerId: otherAgent });
    const { scheduleMeeting } = await setup(
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'FOLLOW_UP_CALL',
          title: 'Follow-up on the replacement unit',
          stakeholderId: stakeholder.id,
          timeZone: 'Europe/Berlin',
          videoLink: 'https://meet.example.com/regain-follow-up',
          ...nextSlot(past),
        },
      },
      organiser.token,
    );
    return scheduleMeeting.id;
  };
  /** An open commitment of ours on the actor's case, recorded by the actor when their role may record one. */
  const commitmentFor = async (actor: SignedIn): Promise<string> => {
    const recorder = actor.role === COMMS ? setupAdmin : actor;
    const { addCommitment } = await setup(
      `mutation ($input: AddCommitmentInput!) { addCommitment(input: $input) { id } }`,
      {
        input: {
          caseId: (await caseFor(actor)).id,
          party: 'OURS',
          ownerUserId: recorder.id,
          description: 'Replace every affected thermostat at the warehouse',
          dueOn: '2027-03-31',
          kpi: { name: 'Units replaced', target: '40', unit: 'units' },
        },
      },
      recorder.token,
    );
    return addCommitment.id;
  };

  /** Template authors: the actor when their role may write templates, else the setup admin. */
  const authorFor = (actor: SignedIn) => ([COMMS, LEADERSHIP, ADMIN].includes(actor.role) ? actor : null);

  const operations: Operation[] = [
    {
      name: 'createUser',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        variables: { input: { email: `new-${randomUUID()}@regain.test`, name: 'New Hire', role: 'AGENT', password: 'twelve-chars-or-more' } },
      }),
    },
    {
      name: 'changeUserRole',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($id: ID!) { changeUserRole(id: $id, role: COMMS) { id } }`,
        variables: { id: await targetUser(AGENT) },
      }),
    },
    {
      name: 'deactivateUser',
      allowed: [ADMIN],
      prepare: async () => ({ query: `mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, variables: { id: await targetUser(AGENT) } }),
    },
    {
      name: 'reactivateUser',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($id: ID!) { reactivateUser(id: $id) { id } }`,
        variables: { id: await targetUser(AGENT, false) },
      }),
    },
    {
      name: 'createCrisis',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { id } }`,
        variables: { input: { title: 'Payment outage', category: 'SERVICE_OUTAGE', severity: 'MODERATE', detectedAt: '2026-11-24T08:00:00Z' } },
      }),
    },
    {
      name: 'updateCrisis',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($id: ID!) { updateCrisis(id: $id, input: { severity: CRITICAL }) { id } }`,
        variables: { id: (await makeCrisis(ds())).id },
      }),
    },
    {
      name: 'changeCrisisPhase',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($id: ID!) { changeCrisisPhase(id: $id, phase: RECOVERY) { id } }`,
        variables: { id: (await makeCrisis(ds(), { phase: CrisisPhase.RESPONSE })).id },
      }),
    },
    {
      name: 'createStakeholder (customer)',
      allowed: [AGENT, ADMIN],
      prepare: async () => ({
        query: `mutation ($input: CreateStakeholderInput!) { createStakeholder(input: $input) { id } }`,
        variables: { input: { kind: 'CUSTOMER', name: 'Harbour Bakery', timeZone: 'Europe/Lisbon' } },
      }),
    },
    {
      name: 'createStakeholder (partner)',
      allowed: [PARTNER_MANAGER, ADMIN],
      prepare: async () => ({
        query: `mutation ($input: CreateStakeholderInput!) { createStakeholder(input: $input) { id } }`,
        variables: { input: { kind: 'PARTNER', name: 'Iberia Installers', timeZone: 'Europe/Madrid' } },
      }),
    },
    {
      name: 'updateStakeholder',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { updateStakeholder(id: $id, input: { doNotContact: true }) { id } }`,
        variables: { id: (await stakeholderFor(actor)).id },
      }),
    },
    {
      name: 'reassignStakeholder',
      allowed: [LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!, $ownerId: ID!) { reassignStakeholder(id: $id, ownerId: $ownerId) { id } }`,
        variables: { id: (await stakeholderFor(actor, StakeholderKind.CUSTOMER)).id, ownerId: await targetUser(AGENT) },
      }),
    },
    {
      name: 'addContact',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { addContact(stakeholderId: $id, input: { name: "Ana Costa", email: "ana@example.com" }) { id } }`,
        variables: { id: (await stakeholderFor(actor)).id },
      }),
    },
    {
      name: 'updateContact',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { updateContact(id: $id, input: { isExecutive: true }) { id } }`,
        variables: { id: (await makeContact(ds(), (await stakeholderFor(actor)).id)).id },
      }),
    },
    {
      name: 'openCase',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        variables: {
          input: {
            crisisId,
            stakeholderId: (await stakeholderFor(actor)).id,
            impact: 'MEDIUM',
            estimatedLoss: { amountMinor: '125000', currency: 'EUR' },
          },
        },
      }),
    },
    {
      name: 'updateCase',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { updateCase(id: $id, input: { priority: URGENT }) { id } }`,
        variables: { id: (await caseFor(actor)).id },
      }),
    },
    {
      name: 'changeCaseStatus',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { changeCaseStatus(id: $id, status: CONTACTED) { id } }`,
        variables: { id: (await caseFor(actor)).id },
      }),
    },
    {
      name: 'reassignCase',
      allowed: [LEADERSHIP, ADMIN],
      prepare: async (actor) => {
        const stakeholder = await stakeholderFor(actor, StakeholderKind.CUSTOMER);
        const c = await makeCase(ds(), { crisisId, stakeholderId: stakeholder.id, ownerId: otherAgent });
        return {
          query: `mutation ($id: ID!, $ownerId: ID!) { reassignCase(id: $id, ownerId: $ownerId) { id } }`,
          variables: { id: c.id, ownerId: await targetUser(AGENT) },
        };
      },
    },
    {
      name: 'proposeCompensation',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($input: ProposeCompensationInput!) { proposeCompensation(input: $input) { id } }`,
        variables: {
          input: { caseId: (await caseFor(actor)).id, kind: 'REFUND', refundReference: 'ORD-2026-4471', value: { amountMinor: '9900', currency: 'EUR' } },
        },
      }),
    },
    {
      name: 'approveCompensation',
      allowed: [PARTNER_MANAGER, LEADERSHIP],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { approveCompensation(id: $id) { id } }`,
        variables: { id: await compensationFor(actor, 'PROPOSED') },
      }),
    },
    {
      name: 'rejectCompensation',
      allowed: [PARTNER_MANAGER, LEADERSHIP],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { rejectCompensation(id: $id, reason: "Not proportionate to the loss") { id } }`,
        variables: { id: await compensationFor(actor, 'PROPOSED') },
      }),
    },
    {
      name: 'cancelCompensation',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { cancelCompensation(id: $id, reason: "Customer asked for a refund instead") { id } }`,
        variables: { id: await compensationFor(actor, 'PROPOSED') },
      }),
    },
    {
      name: 'issueCompensation',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!, $key: String!) { issueCompensation(id: $id, idempotencyKey: $key) { id } }`,
        variables: { id: await compensationFor(actor, 'APPROVED'), key: randomUUID() },
      }),
    },
    {
      name: 'recordCompensationResponse',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { recordCompensationResponse(id: $id, response: ACCEPTED) { id } }`,
        variables: { id: await compensationFor(actor, 'ISSUED') },
      }),
    },
    {
      name: 'updateApprovalPolicy',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation { updateApprovalPolicy(input: { fairnessRatioPermille: 1500 }) { fairnessRatioPermille } }`,
        variables: {},
      }),
    },
    {
      name: 'setEntitlementDefault',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($input: SetEntitlementDefaultInput!) { setEntitlementDefault(input: $input) { kind } }`,
        variables: {
          input: { crisisId, impact: 'HIGH', tier: 'STANDARD', kind: 'COUPON', value: { amountMinor: '2500', currency: 'EUR' } },
        },
      }),
    },
    {
      name: 'setCompensationBudget',
      allowed: [LEADERSHIP, ADMIN],
      prepare: async () => ({
        query: `mutation ($crisisId: ID!, $budget: MoneyInput!) { setCompensationBudget(crisisId: $crisisId, budget: $budget) { currency } }`,
        variables: { crisisId, budget: { amountMinor: '5000000', currency: 'EUR' } },
      }),
    },
    {
      name: 'createMessageTemplate',
      allowed: [COMMS, LEADERSHIP, ADMIN],
      prepare: async () => ({
        query: `mutation ($input: CreateMessageTemplateInput!) { createMessageTemplate(input: $input) { id } }`,
        variables: {
          input: { crisisId, channel: 'SMS', kind: 'REPLY', name: `Reply ${randomUUID()}`, body: 'We are on it, {{contact.name}}.' },
        },
      }),
    },
    {
      name: 'draftTemplateVersion',
      allowed: [COMMS, LEADERSHIP, ADMIN],
      prepare: async () => {
        const versionId = await templateVersion(null, 'IN_REVIEW');
        const [{ template_id: id }] = await ds().query(`SELECT template_id FROM message_template_versions WHERE id = $1`, [versionId]);
        return {
          query: `mutation ($id: ID!) { draftTemplateVersion(id: $id, input: { body: "A clearer apology, {{contact.name}}." }) { id } }`,
          variables: { id },
        };
      },
    },
    {
      name: 'editTemplateDraft',
      allowed: [COMMS, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { editTemplateDraft(id: $id, input: { body: "Edited, {{contact.name}}." }) { id } }`,
        variables: { id: await templateVersion(authorFor(actor), 'DRAFT') },
      }),
    },
    {
      name: 'submitTemplateVersion',
      allowed: [COMMS, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { submitTemplateVersion(id: $id) { id } }`,
        variables: { id: await templateVersion(authorFor(actor), 'DRAFT') },
      }),
    },
    {
      name: 'approveTemplateVersion',
      allowed: [COMMS, LEADERSHIP],
      prepare: async () => ({
        query: `mutation ($id: ID!) { approveTemplateVersion(id: $id) { id } }`,
        variables: { id: await templateVersion(null, 'IN_REVIEW') },
      }),
    },
    {
      name: 'retireTemplateVersion',
      allowed: [COMMS, LEADERSHIP],
      prepare: async () => ({
        query: `mutation ($id: ID!) { retireTemplateVersion(id: $id, reason: "Superseded by the recall notice") { id } }`,
        variables: { id: await templateVersion(null, 'APPROVED') },
      }),
    },
    {
      // Logged by an admin on a case the actor owns when their role may own one: the owner
      // voids it, leadership (neither owner nor logger here) and COMMS may not.
      name: 'voidInteraction',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => {
        const { logInteraction } = await setup(`mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, {
          input: {
            caseId: (await caseFor(actor)).id,
            channel: 'PHONE',
            direction: 'INBOUND',
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            outcome: 'REACHED',
            summary: 'Customer called about the replacement.',
          },
        });
        return {
          query: `mutation ($id: ID!) { voidInteraction(id: $id, reason: "Logged on the wrong case") { id voidedAt } }`,
          variables: { id: logInteraction.id },
        };
      },
    },
    {
      name: 'logInteraction',
      allowed: [AGENT, PARTNER_MANAGER, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
        variables: {
          input: {
            caseId: (await caseFor(actor)).id,
            channel: 'PHONE',
            direction: 'OUTBOUND',
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            outcome: 'REACHED',
            summary: 'Apologised and explained the firmware fix; customer calmer.',
          },
        },
      }),
    },
    {
      name: 'markNotificationsRead',
      allowed: ALL,
      prepare: async (actor) => {
        const [{ id }] = await ds().query(
          `INSERT INTO notifications (user_id, kind, title) VALUES ($1, 'TASK_DUE', 'Call Harbour Bakery') RETURNING id`,
          [actor.id],
        );
        return { query: `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }`, variables: { ids: [id] } };
      },
    },
    {
      name: 'markAllNotificationsRead',
      allowed: ALL,
      prepare: async () => ({ query: `mutation { markAllNotificationsRead }`, variables: {} }),
    },
    {
      name: 'scheduleMeeting',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async () => {
        const stakeholder = await makeStakeholder(ds(), { kind: StakeholderKind.CUSTOMER, ownerId: otherAgent });
        return {
          query: `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
          variables: {
            input: {
              kind: 'FOLLOW_UP_CALL',
              title: 'Apology call',
              stakeholderId: stakeholder.id,
              timeZone: 'Europe/Lisbon',
              location: 'Phone',
              ...nextSlot(false),
            },
          },
        };
      },
    },
    {
      name: 'rescheduleMeeting',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
          rescheduleMeeting(id: $id, startsAt: $startsAt, endsAt: $endsAt, reason: "Customer asked for the afternoon") { id } }`,
        variables: { id: await meetingFor(actor), ...nextSlot(false) },
      }),
    },
    {
      name: 'cancelMeeting',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { cancelMeeting(id: $id, reason: "Issue resolved by email") { id } }`,
        variables: { id: await meetingFor(actor) },
      }),
    },
    {
      name: 'completeMeeting',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { completeMeeting(id: $id, outcomeSummary: "Accepted the replacement plan", sentiment: 1) { id } }`,
        variables: { id: await meetingFor(actor, true) },
      }),
    },
    {
      name: 'markMeetingNoShow',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { markMeetingNoShow(id: $id) { id } }`,
        variables: { id: await meetingFor(actor, true) },
      }),
    },
    {
      name: 'addCommitment',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($input: AddCommitmentInput!) { addCommitment(input: $input) { id } }`,
        variables: {
          input: {
            caseId: (await caseFor(actor)).id,
            party: 'THEIRS',
            ownerName: 'their logistics team',
            description: 'Send the list of affected sites',
            dueOn: '2027-02-15',
          },
        },
      }),
    },
    {
      name: 'resolveCommitment',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { resolveCommitment(id: $id, status: DONE, note: "All units replaced") { id } }`,
        variables: { id: await commitmentFor(actor) },
      }),
    },
    {
      name: 'recordKpiMeasurement',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `mutation ($id: ID!) { recordKpiMeasurement(id: $id, measuredAt: "2026-11-20T12:00:00Z", value: "12") { id } }`,
        variables: { id: await commitmentFor(actor) },
      }),
    },
    ...((): Operation[] => {
      const cadenceId = async (): Promise<string> =>
        (
          await setup(`mutation ($input: CreateCadenceInput!) { createCadence(input: $input) { id } }`, {
            input: { name: `Cadence ${randomUUID()}`, steps: [{ offset: 'PT4H', channel: 'PHONE', action: 'CALL' }] },
          })
        ).createCadence.id;
      const enrolmentFor = async (actor: SignedIn, pause = false) => {
        const { enrolCase } = await setup(`mutation ($caseId: ID!, $cadenceId: ID) { enrolCase(caseId: $caseId, cadenceId: $cadenceId) { id tasks { id } } }`, {
          caseId: (await caseFor(actor)).id,
          cadenceId: await cadenceId(),
        });
        if (pause) await setup(`mutation ($id: ID!) { pauseEnrolment(id: $id) { id } }`, { id: enrolCase.id });
        return enrolCase as { id: string; tasks: { id: string }[] };
      };
      const CASE_WORKERS = [AGENT, PARTNER_MANAGER, ADMIN];
      return [
        {
          name: 'createCadence',
          allowed: [ADMIN],
          prepare: async () => ({
            query: `mutation ($input: CreateCadenceInput!) { createCadence(input: $input) { id } }`,
            variables: { input: { name: `Cadence ${randomUUID()}`, steps: [{ offset: 'P1D', channel: 'EMAIL', action: 'EMAIL' }] } },
          }),
        },
        {
          name: 'updateCadence',
          allowed: [ADMIN],
          prepare: async () => ({
            query: `mutation ($id: ID!) { updateCadence(id: $id, input: { description: "For severe product faults" }) { id } }`,
            variables: { id: await cadenceId() },
          }),
        },
        {
          name: 'deactivateCadence',
          allowed: [ADMIN],
          prepare: async () => ({ query: `mutation ($id: ID!) { deactivateCadence(id: $id) { id } }`, variables: { id: await cadenceId() } }),
        },
        {
          name: 'setCadenceMatrixEntry',
          allowed: [ADMIN],
          prepare: async () => ({
            query: `mutation ($id: ID) { setCadenceMatrixEntry(severity: MINOR, impact: LOW, cadenceId: $id) { severity } }`,
            variables: { id: await cadenceId() },
          }),
        },
        {
          name: 'enrolCase',
          allowed: CASE_WORKERS,
          prepare: async (actor) => ({
            query: `mutation ($caseId: ID!, $cadenceId: ID) { enrolCase(caseId: $caseId, cadenceId: $cadenceId) { id } }`,
            variables: { caseId: (await caseFor(actor)).id, cadenceId: await cadenceId() },
          }),
        },
        {
          name: 'pauseEnrolment',
          allowed: CASE_WORKERS,
          prepare: async (actor) => ({ query: `mutation ($id: ID!) { pauseEnrolment(id: $id) { id } }`, variables: { id: (await enrolmentFor(actor)).id } }),
        },
        {
          name: 'resumeEnrolment',
          allowed: CASE_WORKERS,
          prepare: async (actor) => ({ query: `mutation ($id: ID!) { resumeEnrolment(id: $id) { id } }`, variables: { id: (await enrolmentFor(actor, true)).id } }),
        },
        {
          name: 'stopEnrolment',
          allowed: CASE_WORKERS,
          prepare: async (actor) => ({
            query: `mutation ($id: ID!) { stopEnrolment(id: $id, reason: "Customer asked us to stop calling") { id } }`,
            variables: { id: (await enrolmentFor(actor)).id },
          }),
        },
        {
          name: 'skipTask',
          allowed: CASE_WORKERS,
          prepare: async (actor) => ({
            query: `mutation ($id: ID!) { skipTask(id: $id, reason: "Spoke to them at the trade fair") { id } }`,
            variables: { id: (await enrolmentFor(actor)).tasks[0].id },
          }),
        },
      ];
    })(),
    {
      name: 'logout',
      allowed: ALL,
      prepare: async () => ({ query: `mutation { logout(refreshToken: "not-a-live-token") }`, variables: {} }),
    },
    {
      name: 'updateSlaSettings',
      allowed: [ADMIN],
      prepare: async () => ({
        query: `mutation ($input: UpdateSlaSettingsInput!) { updateSlaSettings(input: $input) { replyWithinHours } }`,
        variables: { input: { replyWithinHours: 24 } },
      }),
    },
    {
      name: 'acknowledgeEscalation',
      // The case owner (AGENT, PARTNER_MANAGER here), LEADERSHIP and ADMIN; COMMS owns no case.
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor) => {
        const recoveryCase = await caseFor(actor);
        const [escalation] = await ds().query(
          `INSERT INTO sla_escalations (case_id, kind, subject_id, level, due_at)
           VALUES ($1, 'GOLDEN_HOURS_BREACHED', $1, 'OWNER', now()) RETURNING id`,
          [recoveryCase.id],
        );
        return { query: `mutation ($id: ID!) { acknowledgeEscalation(id: $id) { id } }`, variables: { id: escalation.id } };
      },
    },
    ...(['updateImportMapping', 'startImport', 'cancelImport'] as const).map((name) => ({
      name,
      // Stakeholder importers on a stakeholder file, signal recorders on a revenue file: their own imports.
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async (actor: SignedIn): Promise<Call> => {
        // The actor's own VALIDATED import when their role may import, else the admin's.
        const stakeholders = actor.role === PARTNER_MANAGER || actor.role === ADMIN;
        const uploader = stakeholders || actor.role === AGENT || actor.role === LEADERSHIP ? actor : setupAdmin;
        const headers = stakeholders || uploader === setupAdmin ? ['external_ref', 'kind', 'name'] : ['external_ref', 'month', 'amount_minor', 'currency'];
        const csv = headers.length === 3 ? `external_ref,kind,name\nP-${randomUUID()},PARTNER,Matrix Partner\n` : `${headers.join(',')}\nR-${randomUUID()},2026-10,1,EUR\n`;
        const upload = await uploadCsv(t, uploader.token, csv, headers.length === 3 ? {} : { kind: 'REVENUE' }, 'matrix.csv', { waitForDryRun: false });
        const id: string = upload.body.import.id;
        // No worker runs here: the dry run (a worker's job) is run in this process instead.
        await t.app.get(ImportValidator).validate(id);
        if (name === 'updateImportMapping') {
          return {
            query: `mutation ($id: ID!, $mapping: [ImportColumnMappingInput!]!) { updateImportMapping(id: $id, mapping: $mapping) { id } }`,
            variables: { id, mapping: headers.map((h) => ({ header: h, column: h })) },
          };
        }
        return { query: `mutation ($id: ID!) { ${name}(id: $id) { id } }`, variables: { id } };
      },
    })),
    {
      name: 'imports',
      allowed: [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN],
      prepare: async () => ({ query: `{ imports { totalCount } }`, variables: {} }),
    },
    ...(() => {
      // Agents and partner managers on their own cases and stakeholders, leadership and admins on any; comms reads only.
      const recorders = [AGENT, PARTNER_MANAGER, LEADERSHIP, ADMIN];
      const survey = async (actor: SignedIn) => ({
        caseId: (await caseFor(actor)).id,
        kind: 'NPS',
        score: 8,
        respondedAt: new Date(Date.now() - 60_000).toISOString(),
      });
      const revenue = async (actor: SignedIn) => ({
        stakeholderId: (await stakeholderFor(actor)).id,
        month: new Date().toISOString().slice(0, 7),
        amount: { amountMinor: '100000', currency: 'EUR' },
      });
      const renewal = async (actor: SignedIn) => {
        const recoveryCase = await caseFor(actor);
        return { stakeholderId: recoveryCase.stakeholderId, caseId: recoveryCase.id, kind: 'RENEWED', occurredAt: new Date(Date.now() - 60_000).toISOString() };
      };
      const batch = (field: string) => `mutation ($rows: [${field}!]!) { NAME(rows: $rows) { committed created rejected } }`;
      return [
        {
          name: 'recordSurveyResponse',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: `mutation ($input: SurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`,
            variables: { input: await survey(actor) },
          }),
        },
        {
          // Recorded by an admin, on a case the actor owns when their role may own one.
          name: 'voidSurveyResponse',
          allowed: recorders,
          prepare: async (actor: SignedIn) => {
            const { recordSurveyResponse } = await setup(`mutation ($input: SurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`, {
              input: await survey(actor),
            });
            return {
              query: `mutation ($id: ID!) { voidSurveyResponse(id: $id, reason: "Recorded on the wrong case") { id voidedAt } }`,
              variables: { id: recordSurveyResponse.id },
            };
          },
        },
        {
          name: 'recordSurveyResponses',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: batch('SurveyResponseInput').replace('NAME', 'recordSurveyResponses'),
            variables: { rows: [await survey(actor)] },
          }),
        },
        {
          name: 'recordRevenueMonth',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: `mutation ($input: RevenueMonthInput!) { recordRevenueMonth(input: $input) { month } }`,
            variables: { input: await revenue(actor) },
          }),
        },
        {
          name: 'recordRevenueMonths',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: batch('RevenueMonthInput').replace('NAME', 'recordRevenueMonths'),
            variables: { rows: [await revenue(actor)] },
          }),
        },
        {
          name: 'recordLifecycleEvent',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: `mutation ($input: LifecycleEventInput!) { recordLifecycleEvent(input: $input) { id } }`,
            variables: { input: await renewal(actor) },
          }),
        },
        {
          name: 'recordLifecycleEvents',
          allowed: recorders,
          prepare: async (actor: SignedIn) => ({
            query: batch('LifecycleEventInput').replace('NAME', 'recordLifecycleEvents'),
            variables: { rows: [await renewal(actor)] },
          }),
        },
        {
          name: 'updateTrustSettings',
          allowed: [ADMIN],
          prepare: async () => ({
            query: `mutation ($input: UpdateTrustSettingsInput!) { updateTrustSettings(input: $input) { noContactDays } }`,
            variables: { input: { noContactDays: 21 } },
          }),
        },
        {
          name: 'refreshTrustSnapshots',
          allowed: [LEADERSHIP, ADMIN],
          prepare: async () => ({ query: `mutation { refreshTrustSnapshots(crisisId: "${crisisId}") { jobId } }`, variables: {} }),
        },
      ];
    })(),
    {
      name: 'auditTrail',
      allowed: [LEADERSHIP, ADMIN],
      prepare: async (actor) => ({
        query: `query ($id: ID!) { auditTrail(record: USER, recordId: $id) { totalCount } }`,
        variables: { id: actor.id },
      }),
    },
    ...(
      [
        ['me', `{ me { id } }`],
        ['users', `{ users { totalCount } }`],
        ['crises', `{ crises { totalCount } }`],
        ['stakeholders', `{ stakeholders { totalCount } }`],
        ['recoveryCases', `{ recoveryCases { totalCount } }`],
        ['myCases', `{ myCases { totalCount } }`],
        ['slaSettings', `{ slaSettings { replyWithinHours } }`],
        ['trustSettings', `{ trustSettings { recoveredMin } }`],
        ['recoveryCases trust', `{ recoveryCases(first: 5) { edges { node { trust { index band reasons { code } } trustHistory { monthIndex } } } } }`],
        ['escalations', `{ escalations { totalCount } }`],
        ['cadences', `{ cadences { id } }`],
        ['cadenceMatrix', `{ cadenceMatrix { severity } }`],
        ['myDay', `{ myDay { tasks { task { id } } overdueCommitments { id } } }`],
      ] as const
    ).map(([name, query]) => ({ name, allowed: ALL, prepare: async () => ({ query, variables: {} }) })),
  ];

  beforeAll(async () => {
    t = await TestApp.start();
    users = await t.signInEveryRole();
    otherAgent = await targetUser(AGENT);
    otherPartnerManager = await targetUser(PARTNER_MANAGER);
    crisisId = (await makeCrisis(ds())).id;
    setupAdmin = await t.signInAdmin();
  });
  afterAll(() => t.close());

  const matrix = operations.flatMap((op) => ALL.map((role) => [op.name, role, op.allowed.includes(role)] as const));

  it.each(matrix)('%s as %s: allowed = %s', async (name, role, allowed) => {
    const op = operations.find((o) => o.name === name)!;
    const call = await op.prepare(users[role]);
    const auditBefore = await t.rowCount('audit_entries');
    const res = await t.gql(call.query, call.variables, users[role].token);
    if (allowed) {
      expect(res.errors).toBeUndefined();
    } else {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message.length).toBeGreaterThan(20);
      expect(await t.rowCount('audit_entries')).toBe(auditBefore);
    }
  });

  it('covers every mutation in the schema', async () => {
    const res = await t.ok(`{ __schema { mutationType { fields { name } } } }`, {}, users.ADMIN.token);
    const inSchema: string[] = res.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    const covered = new Set(operations.map((o) => o.name.split(' ')[0]));
    const publicOnes = ['login', 'refreshSession'];
    expect(inSchema.filter((m) => !covered.has(m) && !publicOnes.includes(m))).toEqual([]);
  });
});
