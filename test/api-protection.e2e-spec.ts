import { UserRole } from '../src/modules/users/user-role.enum';
import { errorCode, TestApp } from './support/test-app';

describe('protection against abusive requests', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await TestApp.start({ graphqlMaxDepth: 5, graphqlMaxAliases: 3, graphqlMaxCost: 100, bodyLimitBytes: 8 * 1024 });
    token = (await t.signInAs(UserRole.COMMS)).token;
  });
  afterAll(() => t.close());

  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ crises { edges { node { lead { id } phaseHistory { changedBy { id } } } } } }`;
    const res = await t.gql(deep, {}, token);
    expect(res.errors![0].message).toMatch(/depth/i);
    expect(res.data).toBeUndefined();
  });

  it('refuses more aliases than allowed', async () => {
    const res = await t.gql(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`, {}, token);
    expect(res.errors![0].message).toMatch(/aliases/i);
  });

  it('refuses a query whose cost is over the limit', async () => {
    // 1 + 40 crises × (the crisis, its lead and its spokesperson) = 121 > 100; 30 would cost 91.
    const page = (first: number) => `{ crises(first: ${first}) { edges { node { id title lead { id } spokesperson { id } } } } }`;
    const res = await t.gql(page(40), {}, token);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].extensions).toMatchObject({ cost: 121, maxCost: 100 });
    expect(errorCode(await t.gql(page(30), {}, token))).toBeUndefined();
  });

  it('answers a batched request array with an error instead of running it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('"me"');
  });

  it('refuses a request body over the size limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(9 * 1024) } }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('keeps introspection on outside production', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`, {}, token);
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      nodeEnv: 'production',
      jwtSecret: 'a-production-secret-that-is-long-enough-0123456789',
      graphqlIntrospection: false,
      graphqlSandbox: false,
    });
  });
  afterAll(() => t.close());

  it('refuses introspection and does not suggest field names', async () => {
    const admin = await t.signInAdmin();
    const res = await t.gql(`{ __schema { types { name } } }`, {}, admin.token);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/introspection/i);
    const typo = await t.gql(`{ crisess { totalCount } }`, {}, admin.token);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('serves no Sandbox landing page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(res.body).not.toMatch(/sandbox/i);
  });
});
