import * as argon2 from 'argon2';
import { TestApp } from './support/test-app';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const PASSWORD = 'office-password-2026';

interface Outcome {
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

describe('sign-in limits', () => {
  let t: TestApp;
  let counter = 0;

  /** Signs in as a client at `address` would; the outcome's code is undefined on success. */
  async function signIn(email: string, password: string, address: string, app = t): Promise<Outcome> {
    const res = await app.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: address,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
    });
    const body = res.json() as { data?: { login: { accessToken: string } }; errors?: { message: string; extensions: Record<string, unknown> }[] };
    if (body.data?.login.accessToken) return {};
    const error = body.errors![0];
    return { code: error.extensions.code as string, message: error.message, retryAfterSeconds: error.extensions.retryAfterSeconds as number | undefined };
  }

  /**
   * Accounts made straight in the database, their password hashed with argon2's smallest cost:
   * what is under test is the counting, not the hash, and 200 sign-ins at the real cost would
   * take minutes on a shared machine.
   */
  async function accounts(n: number, app = t): Promise<string[]> {
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
    const emails = Array.from({ length: n }, () => `office-${(counter += 1)}@regain.test`);
    await app.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) SELECT e, 'Agent ' || e, 'AGENT', $2 FROM unnest($1::text[]) e`,
      [emails, hash],
    );
    return emails;
  }

  beforeAll(async () => {
    // The default ceiling on attempts; the failure limits small enough to reach.
    t = await TestApp.start({ loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 5 });
  });
  afterAll(() => t.close());

  it('lets 200 people of one office sign in from one address', async () => {
    const office = await accounts(200);
    const outcomes: Outcome[] = [];
    // Four at a time, as people arriving at 09:00 would.
    for (let i = 0; i < office.length; i += 4) {
      outcomes.push(...(await Promise.all(office.slice(i, i + 4).map((email) => signIn(email, PASSWORD, '10.20.0.1')))));
    }
    expect(outcomes.filter((o) => o.code)).toEqual([]);
  }, 180_000);

  it('locks an account after its failures, from any address, and says when to try again', async () => {
    const [victim] = await accounts(1);
    for (const address of ['10.30.0.1', '10.30.0.2', '10.30.0.3']) {
      expect((await signIn(victim, 'wrong-password!', address)).code).toBe('UNAUTHENTICATED');
    }
    const locked = await signIn(victim, PASSWORD, '10.30.0.4');
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.message).toMatch(/for this account; try again in \d+ s/);
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(t.config.loginWindowSeconds);
  });

  it("clears an account's failures when it signs in", async () => {
    const [person] = await accounts(1);
    for (let round = 0; round < 3; round += 1) {
      expect((await signIn(person, 'wrong-password!', `10.40.0.${round}`)).code).toBe('UNAUTHENTICATED');
      expect((await signIn(person, 'wrong-password!', `10.40.0.${round}`)).code).toBe('UNAUTHENTICATED');
      expect((await signIn(person, PASSWORD, `10.40.0.${round}`)).code).toBeUndefined();
    }
  });

  it('stops an address guessing across accounts, right passwords included, and no other address', async () => {
    const people = await accounts(6);
    for (const email of people.slice(0, 5)) {
      expect((await signIn(email, 'wrong-password!', '10.50.0.1')).code).toBe('UNAUTHENTICATED');
    }
    const stopped = await signIn(people[5], PASSWORD, '10.50.0.1');
    expect(stopped.code).toBe('RATE_LIMITED');
    expect(stopped.message).toMatch(/from this address; try again in \d+ s/);
    expect(stopped.retryAfterSeconds).toBeGreaterThan(0);
    // Each account failed once only, so from elsewhere every one of them signs in.
    for (const email of people) expect((await signIn(email, PASSWORD, '10.50.0.2')).code).toBeUndefined();
  });

  it("does not clear an address's failures when someone there signs in", async () => {
    const people = await accounts(5);
    for (const email of people.slice(0, 4)) {
      expect((await signIn(email, 'wrong-password!', '10.60.0.1')).code).toBe('UNAUTHENTICATED');
    }
    expect((await signIn(people[4], PASSWORD, '10.60.0.1')).code).toBeUndefined();
    expect((await signIn(people[4], 'wrong-password!', '10.60.0.1')).code).toBe('UNAUTHENTICATED');
    expect((await signIn(people[0], PASSWORD, '10.60.0.1')).code).toBe('RATE_LIMITED');
  });

  it('keeps a ceiling on all attempts from one address, successes included', async () => {
    const ceiling = await TestApp.start({ loginMaxAttemptsPerAddress: 3 });
    const people = await accounts(4, ceiling);
    const at = (email: string, address: string) => signIn(email, PASSWORD, address, ceiling);
    try {
      for (const email of people.slice(0, 3)) expect((await at(email, '10.70.0.1')).code).toBeUndefined();
      const over = await at(people[3], '10.70.0.1');
      expect(over.code).toBe('RATE_LIMITED');
      expect(over.message).toMatch(/Too many sign-in attempts from this address/);
      expect((await at(people[3], '10.70.0.2')).code).toBeUndefined();
    } finally {
      await ceiling.close();
    }
  });
});
