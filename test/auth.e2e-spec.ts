import { JwtService } from '@nestjs/jwt';
import { UserRole } from '../src/modules/users/user-role.enum';
import { ADMIN_EMAIL, ADMIN_PASSWORD, errorCode, TestApp, USER_PASSWORD } from './support/test-app';

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { accessToken accessTokenExpiresAt refreshToken user { id email role } }
}`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id email role isActive } }`;

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ loginMaxFailuresPerAccount: 3 });
  });
  afterAll(() => t.close());

  it('signs the configured first admin in and tells them who they are', async () => {
    const res = await t.gql(LOGIN, { input: { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    expect(new Date(res.data!.login.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.gql(ME, {}, res.data!.login.accessToken);
    expect(me.data!.me).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN', isActive: true });
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await t.gql(LOGIN, { input: { email: ADMIN_EMAIL, password: 'not-the-password' } });
    const unknown = await t.gql(LOGIN, { input: { email: 'nobody@regain.test', password: 'not-the-password' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it.each([
    ['missing', undefined, /Sign in first/],
    ['forged', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', /invalid/],
    ['garbage', 'not-a-token', /invalid/],
  ])('refuses a %s token with UNAUTHENTICATED', async (_, token, message) => {
    const res = await t.gql(ME, {}, token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(message);
    expect(res.data).toBeUndefined();
  });

  it('refuses a token signed with another secret and an expired one', async () => {
    const admin = await t.signInAdmin();
    const forged = new JwtService({ secret: 'some-other-secret-that-is-long-enough-123' });
    const otherSecret = await forged.signAsync({ sub: admin.id, typ: 'access' });
    expect(errorCode(await t.gql(ME, {}, otherSecret))).toBe('UNAUTHENTICATED');

    const ours = new JwtService({ secret: t.config.jwtSecret });
    const expired = await ours.signAsync({ sub: admin.id, typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 });
    const res = await t.gql(ME, {}, expired);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/expired/);
  });

  it('rotates refresh tokens and ends the session when an old one is replayed', async () => {
    const first = await t.gql(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const r1 = first.data!.login.refreshToken;
    const second = await t.gql(REFRESH, { t: r1 });
    expect(second.errors).toBeUndefined();
    const r2 = second.data!.refreshSession.refreshToken;
    expect(r2).not.toBe(r1);
    expect((await t.gql(ME, {}, second.data!.refreshSession.accessToken)).data!.me.email).toBe(ADMIN_EMAIL);

    const replay = await t.gql(REFRESH, { t: r1 });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0].message).toMatch(/ended because a refresh token that had already been used was presented again/);
    // The replay ended the session, including the newest token.
    expect(errorCode(await t.gql(REFRESH, { t: r2 }))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session', async () => {
    const session = (await t.gql(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).data!.login;
    const out = await t.gql(`mutation ($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken }, session.accessToken);
    expect(out.data!.logout).toBe(true);
    expect(errorCode(await t.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated user at once: access token, refresh and new sign-in', async () => {
    const admin = await t.signInAdmin();
    const agent = await t.signInAs(UserRole.AGENT);
    const session = (await t.gql(LOGIN, { input: { email: agent.email, password: USER_PASSWORD } })).data!.login;
    await t.ok(`mutation ($id: ID!) { deactivateUser(id: $id) { isActive } }`, { id: agent.id }, admin.token);

    const me = await t.gql(ME, {}, agent.token);
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.errors![0].message).toMatch(/deactivated/);
    expect(errorCode(await t.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    const again = await t.gql(LOGIN, { input: { email: agent.email, password: USER_PASSWORD } });
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
    expect(again.errors![0].message).toMatch(/deactivated/);
  });

  it('locks an account out after repeated failures, even with the right password', async () => {
    const victim = await t.signInAs(UserRole.COMMS);
    for (let i = 0; i < 3; i += 1) {
      expect(errorCode(await t.gql(LOGIN, { input: { email: victim.email, password: 'wrong-password!' } }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await t.gql(LOGIN, { input: { email: victim.email, password: USER_PASSWORD } });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits attempts per client address', async () => {
    const limited = await TestApp.start({ loginMaxAttemptsPerAddress: 2 });
    try {
      const attempt = (address: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/graphql',
          remoteAddress: address,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ query: LOGIN, variables: { input: { email: `x${address}@regain.test`, password: 'whatever-pass' } } }),
        });
      expect((await attempt('10.0.0.1')).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt('10.0.0.1')).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt('10.0.0.1')).json().errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await attempt('10.0.0.2')).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await limited.close();
    }
  });

  it('reports readiness on GET /health without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });
});
