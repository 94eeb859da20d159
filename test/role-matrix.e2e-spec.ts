import { randomUUID } from 'node:crypto';
import { CrisisPhase } from '../src/modules/crises/crisis.enums';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
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
    return makeCase(ds(), { crisisId, stakeholderId: stakeholder.id, ownerId: stakeholder.ownerId! });
  };

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
      name: 'logout',
      allowed: ALL,
      prepare: async () => ({ query: `mutation { logout(refreshToken: "not-a-live-token") }`, variables: {} }),
    },
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
      ] as const
    ).map(([name, query]) => ({ name, allowed: ALL, prepare: async () => ({ query, variables: {} }) })),
  ];

  beforeAll(async () => {
    t = await TestApp.start();
    users = await t.signInEveryRole();
    otherAgent = await targetUser(AGENT);
    otherPartnerManager = await targetUser(PARTNER_MANAGER);
    crisisId = (await makeCrisis(ds())).id;
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
