import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLSchema } from 'graphql';
import { operationCost } from '../src/common/graphql/cost/query-cost';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';
import { UI_PAGES } from './support/ui-pages';

// Three lists nested under a page of 100: cases, their compensation, and each compensation's
// case's compensation again.
const NESTED = `query ($n: Int!) { recoveryCases(first: $n) { edges { node { id
  compensations { id case { compensations { id case { compensations { id } } } } } } } } }`;

describe('the cost limit', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let ids: { crisisId: string; caseId: string };
  const signedIn = new Map<UserRole, SignedIn>();

  beforeAll(async () => {
    t = await TestApp.start();
    schema = t.app.get(GraphQLSchemaHost).schema;
    const agent = await t.signInAs(UserRole.AGENT);
    signedIn.set(UserRole.AGENT, agent);
    for (const role of [UserRole.LEADERSHIP, UserRole.COMMS]) signedIn.set(role, await t.signInAs(role));
    signedIn.set(UserRole.ADMIN, await t.signInAdmin());
    const crisis = await makeCrisis(t.dataSource);
    const stakeholder = await makeStakeholder(t.dataSource, { ownerId: agent.id });
    const recoveryCase = await makeCase(t.dataSource, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: agent.id });
    ids = { crisisId: crisis.id, caseId: recoveryCase.id };
  }, 120_000);
  afterAll(() => t.close());

  it('is the documented default', () => {
    expect(t.config.graphqlMaxCost).toBe(10_000);
  });

  it.each(UI_PAGES.map((page) => [page.name, page] as const))('lets a full page through: %s', async (_, page) => {
    const variables = Object.fromEntries((page.needs ?? []).map((key) => [key, ids[key]]));
    const { cost } = operationCost(schema, page.query, variables);
    expect(cost).not.toBeNull();
    expect(cost!).toBeLessThanOrEqual(t.config.graphqlMaxCost);
    await t.ok(page.query, variables, signedIn.get(page.role)!.token);
  });

  it('refuses three nested lists under a page of 100 with QUERY_TOO_COMPLEX, HTTP 400, the cost and the limit', async () => {
    const leader = signedIn.get(UserRole.LEADERSHIP)!;
    const { cost } = operationCost(schema, NESTED, { n: 100 });
    const res = await t.gql(NESTED, { n: 100 }, leader.token);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].extensions).toMatchObject({ cost, maxCost: 10_000 });
    expect(res.errors![0].message).toBe(
      `This operation may return about ${cost} objects, more than the limit of 10000; ask for smaller pages (first) or fewer nested lists`,
    );
    expect(res.errors![0].message).not.toMatch(/Syntax Error/);
  });

  it('counts the page size given in a variable', async () => {
    const leader = signedIn.get(UserRole.LEADERSHIP)!;
    expect(errorCode(await t.gql(NESTED, { n: 100 }, leader.token))).toBe('QUERY_TOO_COMPLEX');
    await t.ok(NESTED, { n: 5 }, leader.token);
  });

  it('leaves a page size over its bound to the bound\'s own message', async () => {
    const leader = signedIn.get(UserRole.LEADERSHIP)!;
    const res = await t.gql(`{ recoveryCases(first: 100000) { edges { node { id owner { id } } } } }`, {}, leader.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/first/);
  });

  it('adds up aliased copies of a page', async () => {
    const leader = signedIn.get(UserRole.LEADERSHIP)!;
    // 1 + 100 × (case, owner, stakeholder, 10 × (contact, its stakeholder and owner)) = 3,301.
    const page = `recoveryCases(first: 100) { edges { node { id owner { id } stakeholder { id contacts { id stakeholder { id owner { id } } } } } } }`;
    const twice = `{ a: ${page} b: ${page} }`;
    const fourTimes = `{ a: ${page} b: ${page} c: ${page} d: ${page} }`;
    expect(operationCost(schema, twice).cost).toBe(2 * 3301);
    expect(operationCost(schema, fourTimes).cost).toBe(4 * 3301);
    await t.ok(twice, {}, leader.token);
    expect(errorCode(await t.gql(fourTimes, {}, leader.token))).toBe('QUERY_TOO_COMPLEX');
  });
});
