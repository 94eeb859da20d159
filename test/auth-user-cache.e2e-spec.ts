import { Client } from 'pg';
import { AuthUserCache } from '../src/modules/users/auth-user-cache';
import { UserRole } from '../src/modules/users/user-role.enum';
import { eventually } from './support/eventually';
import { errorCode, SignedIn, TestApp } from './support/test-app';

// `me` reads the user's full row itself: one statement when the signed-in row is kept, two when
// the request has to read it first.
const ME = `{ me { id role } }`;
const CRISES = `{ crises(first: 1) { totalCount } }`;

describe('signed-in users kept between requests', () => {
  let t: TestApp;
  let cache: AuthUserCache;
  /** Another session on the same database, as another API replica or a person in psql would be. */
  let elsewhere: Client;

  const statementsOfMe = (token: string) => t.countQueries(() => t.ok(ME, {}, token));
  const listening = () => eventually(async () => expect(cache.listening).toBe(true));

  beforeAll(async () => {
    t = await TestApp.start();
    cache = t.app.get(AuthUserCache);
    elsewhere = new Client({ connectionString: t.config.databaseUrl });
    await elsewhere.connect();
    await listening();
  });
  afterAll(async () => {
    await elsewhere.end();
    await t.close();
  });

  it('reads a user once, then answers from the kept row', async () => {
    const agent = await t.signInAs(UserRole.AGENT);
    expect(await statementsOfMe(agent.token)).toBe(2);
    expect(await statementsOfMe(agent.token)).toBe(1);
    expect(await statementsOfMe(agent.token)).toBe(1);
  });

  it('applies a role change made through the API on the very next request', async () => {
    const admin = await t.signInAdmin();
    const agent = await t.signInAs(UserRole.AGENT);
    await t.ok(CRISES, {}, agent.token);
    await t.ok(`mutation ($id: ID!) { changeUserRole(id: $id, role: COMMS) { role } }`, { id: agent.id }, admin.token);
    expect((await t.ok(ME, {}, agent.token)).me.role).toBe('COMMS');
  });

  it('applies a deactivation made through the API on the very next request', async () => {
    const admin = await t.signInAdmin();
    const agent = await t.signInAs(UserRole.AGENT);
    await t.ok(CRISES, {}, agent.token);
    await t.ok(`mutation ($id: ID!) { deactivateUser(id: $id) { isActive } }`, { id: agent.id }, admin.token);
    expect(errorCode(await t.gql(CRISES, {}, agent.token))).toBe('UNAUTHENTICATED');
  });

  it('does not keep a row read while a notice arrived, as it may predate the change', async () => {
    const row = { id: '00000000-0000-4000-8000-0000000000aa', email: 'x@regain.test', name: 'X', role: UserRole.AGENT, isActive: true };
    const ticket = cache.ticket();
    await elsewhere.query(`SELECT pg_notify('regain_user_changed', $1)`, ['00000000-0000-4000-8000-0000000000bb']);
    await eventually(async () => expect(cache.ticket()).not.toBe(ticket));
    const sessionId = '00000000-0000-4000-8000-0000000000cc';
    cache.keep(ticket, row, sessionId);
    expect(cache.get(row.id, sessionId)).toBeUndefined();
    cache.keep(cache.ticket(), row, sessionId);
    expect(cache.get(row.id, sessionId)).toEqual(row);
    // The row is the user's in any of their sessions, but only a session known live is kept.
    expect(cache.get(row.id, '00000000-0000-4000-8000-0000000000dd')).toBeUndefined();
  });

  describe('changes made outside this process', () => {
    let agent: SignedIn;

    beforeEach(async () => {
      agent = await t.signInAs(UserRole.AGENT);
      expect(await statementsOfMe(agent.token)).toBe(2);
      expect(await statementsOfMe(agent.token)).toBe(1);
    });

    it('hears of a role change and a deactivation, and reads the row again', async () => {
      await elsewhere.query(`UPDATE users SET role = 'COMMS' WHERE id = $1`, [agent.id]);
      await eventually(async () => expect((await t.ok(ME, {}, agent.token)).me.role).toBe('COMMS'));
      await elsewhere.query(`UPDATE users SET is_active = false WHERE id = $1`, [agent.id]);
      await eventually(async () => expect(errorCode(await t.gql(CRISES, {}, agent.token))).toBe('UNAUTHENTICATED'));
    });

    it('ignores changes that leave the signed-in user as it was', async () => {
      const heard = new Client({ connectionString: t.config.databaseUrl });
      await heard.connect();
      const notices: string[] = [];
      heard.on('notification', (n) => notices.push(n.payload ?? ''));
      await heard.query(`LISTEN regain_user_changed`);
      await elsewhere.query(`UPDATE users SET updated_at = now() WHERE id = $1`, [agent.id]);
      await elsewhere.query(`UPDATE users SET role = role, is_active = is_active WHERE id = $1`, [agent.id]);
      await elsewhere.query(`UPDATE users SET name = name || '.' WHERE id = $1`, [agent.id]);
      // Notices come in commit order: had either of the first two sent one, it would come first.
      await eventually(async () => expect(notices).toEqual([agent.id]));
      await heard.end();
      expect(await statementsOfMe(agent.token)).toBe(2);
    });

    it('reads on every request while it cannot hear, and keeps rows again once it listens anew', async () => {
      const [listener] = await elsewhere.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'regain-user-changes' AND datname = current_database()`,
      ).then((r) => r.rows as { pid: number }[]);
      await elsewhere.query(`SELECT pg_terminate_backend($1)`, [listener.pid]);
      await eventually(async () => expect(cache.listening).toBe(false));

      // Deaf: a change made elsewhere applies on the next request, with no notice to wait for.
      expect(await statementsOfMe(agent.token)).toBe(2);
      await elsewhere.query(`UPDATE users SET role = 'LEADERSHIP' WHERE id = $1`, [agent.id]);
      expect((await t.ok(ME, {}, agent.token)).me.role).toBe('LEADERSHIP');

      await listening();
      expect(await statementsOfMe(agent.token)).toBe(2);
      expect(await statementsOfMe(agent.token)).toBe(1);
    });
  });
});

describe('signed-in users read on every request (USER_CACHE_SECONDS=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ userCacheSeconds: 0 });
  });
  afterAll(() => t.close());

  it('keeps no row and opens no listening connection', async () => {
    const agent = await t.signInAs(UserRole.AGENT);
    expect(await t.countQueries(() => t.ok(ME, {}, agent.token))).toBe(2);
    expect(await t.countQueries(() => t.ok(ME, {}, agent.token))).toBe(2);
    expect(t.app.get(AuthUserCache).listening).toBe(false);
  });
});
