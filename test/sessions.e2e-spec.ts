import { JwtService } from '@nestjs/jwt';
import { AuthUserCache } from '../src/modules/users/auth-user-cache';
import { UserRole } from '../src/modules/users/user-role.enum';
import { eventually } from './support/eventually';
import { errorCode, GqlResponse, TestApp, USER_PASSWORD } from './support/test-app';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOGOUT = `mutation ($t: String!) { logout(refreshToken: $t) }`;
const CRISES = `{ crises(first: 1) { totalCount } }`;

const SIGNED_OUT = 'This session was ended by signing out; sign in again';
const REPLAYED =
  'This session was ended because a refresh token that had already been used was presented again (someone may hold a copy); sign in again';

function refusal(res: GqlResponse): { code?: string; message?: string; reason?: unknown } {
  return { code: errorCode(res), message: res.errors?.[0]?.message, reason: res.errors?.[0]?.extensions?.sessionEndReason };
}

describe('sessions across API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let email: string;

  const signIn = async () => (await a.ok(LOGIN, { input: { email, password: USER_PASSWORD } }, '')).login as { accessToken: string; refreshToken: string };
  /** A request on each process, so that both keep the user and the session. */
  const warm = async (token: string) => {
    await a.ok(CRISES, {}, token);
    await b.ok(CRISES, {}, token);
    expect(await a.countQueries(() => a.ok(CRISES, {}, token))).toBe(await a.countQueries(() => a.ok(CRISES, {}, token)));
  };

  beforeAll(async () => {
    a = await TestApp.start();
    b = await a.startReplica();
    for (const app of [a, b]) {
      const cache = app.app.get(AuthUserCache);
      await eventually(async () => expect(cache.listening).toBe(true));
    }
    email = (await a.signInAs(UserRole.AGENT)).email;
  }, 120_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('keeps a live session between requests: no statement of its own once kept', async () => {
    const session = await signIn();
    await b.ok(CRISES, {}, session.accessToken);
    const kept = await b.countQueries(() => b.ok(CRISES, {}, session.accessToken));
    const other = await signIn();
    // The same user in a session this process has not seen yet: read (one statement more), then kept.
    expect(await b.countQueries(() => b.ok(CRISES, {}, other.accessToken))).toBe(kept + 1);
    expect(await b.countQueries(() => b.ok(CRISES, {}, other.accessToken))).toBe(kept);
  });

  it('stops the access token on every process once the session logs out, and no other session', async () => {
    const session = await signIn();
    const other = await signIn();
    await warm(session.accessToken);
    await warm(other.accessToken);

    expect((await b.ok(LOGOUT, { t: session.refreshToken }, session.accessToken)).logout).toBe(true);
    expect(refusal(await b.gql(CRISES, {}, session.accessToken))).toEqual({ code: 'UNAUTHENTICATED', message: SIGNED_OUT, reason: 'LOGOUT' });
    await eventually(async () => {
      expect(refusal(await a.gql(CRISES, {}, session.accessToken))).toEqual({ code: 'UNAUTHENTICATED', message: SIGNED_OUT, reason: 'LOGOUT' });
    }, 2000);
    await a.ok(CRISES, {}, other.accessToken);
    await b.ok(CRISES, {}, other.accessToken);
  });

  it('tells a refresh token of a signed-out session that it was signed out, not that it was used', async () => {
    const session = await signIn();
    await a.ok(LOGOUT, { t: session.refreshToken }, session.accessToken);
    expect(refusal(await b.gql(REFRESH, { t: session.refreshToken }))).toEqual({ code: 'UNAUTHENTICATED', message: SIGNED_OUT, reason: 'LOGOUT' });
  });

  it('ends the session when a used refresh token comes back, says so, and stops its tokens everywhere', async () => {
    const first = await signIn();
    const second = (await a.ok(REFRESH, { t: first.refreshToken }, '')).refreshSession as typeof first;
    await warm(second.accessToken);

    const replay = await b.gql(REFRESH, { t: first.refreshToken });
    expect(refusal(replay)).toEqual({ code: 'UNAUTHENTICATED', message: REPLAYED, reason: 'REFRESH_TOKEN_REPLAYED' });
    expect(refusal(await b.gql(CRISES, {}, second.accessToken))).toMatchObject({ reason: 'REFRESH_TOKEN_REPLAYED' });
    await eventually(async () => expect(refusal(await a.gql(CRISES, {}, second.accessToken))).toMatchObject({ reason: 'REFRESH_TOKEN_REPLAYED' }), 2000);
    // The newest refresh token, never used, is told the same story.
    expect(refusal(await a.gql(REFRESH, { t: second.refreshToken }))).toEqual({ code: 'UNAUTHENTICATED', message: REPLAYED, reason: 'REFRESH_TOKEN_REPLAYED' });
    // A logout afterwards changes nothing of why it ended.
    await a.gql(LOGOUT, { t: second.refreshToken }, (await signIn()).accessToken);
    expect(refusal(await a.gql(REFRESH, { t: first.refreshToken }))).toMatchObject({ reason: 'REFRESH_TOKEN_REPLAYED' });
  });

  it('refuses an access token that names no session', async () => {
    const [user] = await a.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    const old = await new JwtService({ secret: a.config.jwtSecret }).signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 60 });
    const res = await a.gql(CRISES, {}, old);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/names no session; call refreshSession/);
  });

  it('refuses an access token of a session of another user', async () => {
    const session = await signIn();
    const [admin] = await a.dataSource.query(`SELECT id FROM users WHERE role = 'ADMIN' LIMIT 1`);
    const { sid } = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
    const forged = await new JwtService({ secret: a.config.jwtSecret }).signAsync({ sub: admin.id, sid, typ: 'access' }, { expiresIn: 60 });
    expect(refusal(await b.gql(CRISES, {}, forged))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Access token is invalid; sign in again' });
  });
});
