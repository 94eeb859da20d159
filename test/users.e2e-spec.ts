import { UserRole } from '../src/modules/users/user-role.enum';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email name role isActive } }`;
const CHANGE_ROLE = `mutation ($id: ID!, $role: UserRole!) { changeUserRole(id: $id, role: $role) { id role } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateUser(id: $id) { id isActive } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateUser(id: $id) { id isActive } }`;
const TRAIL = `query ($id: ID!) { auditTrail(record: USER, recordId: $id) { totalCount edges { node { action before after actor { email } } } } }`;

describe('users and roles', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signInAdmin();
  });
  afterAll(() => t.close());

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `Maria.Lopez.${Math.random().toString(36).slice(2, 8)}@Regain.test`,
    name: 'María López',
    role: 'AGENT',
    password: 'a-long-enough-password',
    ...overrides,
  });

  it('lets an admin create a user with one role, stores the email in lower case, and audits it', async () => {
    const input = newUser();
    const { createUser } = await t.ok(CREATE, { input }, admin.token);
    expect(createUser).toMatchObject({ email: input.email.toLowerCase(), name: 'María López', role: 'AGENT', isActive: true });
    expect(await t.login(input.email, input.password)).toEqual(expect.any(String));
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [createUser.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const trail = await t.ok(TRAIL, { id: createUser.id }, admin.token);
    expect(trail.auditTrail.edges[0].node).toMatchObject({ action: 'USER_CREATED', before: null, actor: { email: admin.email } });
  });

  it('refuses a second user with the same email, in any case', async () => {
    const input = newUser();
    await t.ok(CREATE, { input }, admin.token);
    const before = await t.rowCount('users');
    const res = await t.gql(CREATE, { input: { ...input, email: input.email.toUpperCase() } }, admin.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('already exists');
    expect(await t.rowCount('users')).toBe(before);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, /email/],
    ['a short password', { password: 'short' }, /12 characters/],
    ['an unknown role', { role: 'SUPERUSER' }, /UserRole/],
    ['an over-long name', { name: 'n'.repeat(121) }, /name/],
    ['a missing name', { name: undefined }, /name/],
  ])('refuses %s', async (_, overrides, message) => {
    const before = [await t.rowCount('users'), await t.rowCount('audit_entries')];
    const res = await t.gql(CREATE, { input: newUser(overrides) }, admin.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect([await t.rowCount('users'), await t.rowCount('audit_entries')]).toEqual(before);
  });

  it('changes a role with an audit entry, and the new role applies to the existing token at once', async () => {
    const user = await t.signInAs(UserRole.AGENT);
    await t.ok(CHANGE_ROLE, { id: user.id, role: 'LEADERSHIP' }, admin.token);
    const trail = await t.ok(TRAIL, { id: user.id }, admin.token);
    expect(trail.auditTrail.edges.at(-1).node).toMatchObject({
      action: 'USER_ROLE_CHANGED',
      before: { role: 'AGENT' },
      after: { role: 'LEADERSHIP' },
    });
    // LEADERSHIP may read the audit trail; the agent's token now carries the new role.
    expect((await t.gql(TRAIL, { id: user.id }, user.token)).errors).toBeUndefined();
  });

  it('deactivates and reactivates a user, each audited', async () => {
    const user = await t.signInAs(UserRole.PARTNER_MANAGER);
    expect((await t.ok(DEACTIVATE, { id: user.id }, admin.token)).deactivateUser.isActive).toBe(false);
    expect(errorCode(await t.gql(`{ me { id } }`, {}, user.token))).toBe('UNAUTHENTICATED');
    expect((await t.ok(REACTIVATE, { id: user.id }, admin.token)).reactivateUser.isActive).toBe(true);
    expect(await t.login(user.email, 'user-password-for-tests')).toEqual(expect.any(String));
    const actions = (await t.ok(TRAIL, { id: user.id }, admin.token)).auditTrail.edges.map((e: any) => e.node.action);
    expect(actions).toEqual(['USER_CREATED', 'USER_DEACTIVATED', 'USER_REACTIVATED']);
  });

  it('never leaves the service without an active admin', async () => {
    const fresh = await TestApp.start();
    try {
      const only = await fresh.signInAdmin();
      const self = await fresh.gql(DEACTIVATE, { id: only.id }, only.token);
      expect(errorCode(self)).toBe('CONFLICT');
      const demote = await fresh.gql(CHANGE_ROLE, { id: only.id, role: 'AGENT' }, only.token);
      expect(errorCode(demote)).toBe('CONFLICT');
      expect(demote.errors![0].message).toMatch(/last active admin/);
      const [row] = await fresh.dataSource.query(`SELECT role FROM users WHERE id = $1`, [only.id]);
      expect(row.role).toBe('ADMIN');
    } finally {
      await fresh.close();
    }
  });

  it('refuses unknown and malformed ids', async () => {
    expect(errorCode(await t.gql(CHANGE_ROLE, { id: '0b7c1f9e-1111-4111-8111-111111111111', role: 'AGENT' }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(DEACTIVATE, { id: 'user-17' }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('lists users by role for anyone signed in', async () => {
    const agent = await t.signInAs(UserRole.AGENT);
    const res = await t.ok(`{ users(role: ADMIN, first: 5) { totalCount edges { node { email role } } } }`, {}, agent.token);
    expect(res.users.edges.map((e: any) => e.node.role)).toEqual(Array(res.users.totalCount).fill('ADMIN'));
    expect(res.users.totalCount).toBeGreaterThanOrEqual(1);
  });
});
