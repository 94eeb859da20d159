import { DataSource } from 'typeorm';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeStakeholder } from './support/factories';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

/** The reporter's cases of a person's mistake answered as a server error (issue 13, item 2), one by one. */
describe('a person’s mistakes are client errors', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    admin = await t.signInAdmin();
  });
  afterAll(() => t.close());

  function expectRefused(response: GqlResponse, field: string, message: RegExp): void {
    expect(response.errors?.[0]).toEqual(
      expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [field] }) }),
    );
  }

  it('refuses a NUL in a name, a title, a summary and a search, naming the field, and writes nothing', async () => {
    const before = await t.rowCount('stakeholders');
    expectRefused(
      await t.gql(`mutation ($input: CreateStakeholderInput!) { createStakeholder(input: $input) { id } }`, { input: { kind: 'CUSTOMER', name: 'Acme\u0000 GmbH' } }, admin.token),
      'input.name',
      /^input\.name must not contain control characters \(U\+0000 at position 5\)/,
    );
    expect(await t.rowCount('stakeholders')).toBe(before);
    expectRefused(await t.gql(`query ($q: String) { stakeholders(search: $q) { totalCount } }`, { q: 'Acme\u0000' }, admin.token), 'search', /^search must not contain/);
    expectRefused(await t.gql(`query ($q: String) { crises(search: $q) { totalCount } }`, { q: '\u0000' }, admin.token), 'search', /^search must not contain/);
    expectRefused(
      await t.gql(`mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { id } }`, {
        input: { title: 'Outage', description: 'Broken\u0000', category: 'SERVICE_OUTAGE', severity: 'SEVERE', detectedAt: '2026-03-01T10:00:00Z' },
      }, admin.token),
      'input.description',
      /only line breaks and tabs are allowed/,
    );
  });

  it('keeps line breaks and tabs in multi-line text', async () => {
    const created = await t.ok<{ createCrisis: { description: string } }>(
      `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { description } }`,
      { input: { title: 'Outage', description: 'Line one\r\n\tLine two\n', category: 'SERVICE_OUTAGE', severity: 'SEVERE', detectedAt: '2026-03-01T10:00:00Z' } },
      admin.token,
    );
    expect(created.createCrisis.description).toBe('Line one\r\n\tLine two\n');
  });

  it('refuses a user name and a crisis title of only spaces (the database CHECK is never reached)', async () => {
    expectRefused(
      await t.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email: 'spaces@regain.test', name: '    ', role: 'AGENT', password: 'a-long-enough-password' },
      }, admin.token),
      'input.name',
      /^input\.name must not be blank/,
    );
    expectRefused(
      await t.gql(`mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { id } }`, {
        input: { title: '   ', category: 'SERVICE_OUTAGE', severity: 'SEVERE', detectedAt: '2026-03-01T10:00:00Z' },
      }, admin.token),
      'input.title',
      /^input\.title must not be blank/,
    );
  });

  it('refuses updateCadence(input: { name: null }), for an unknown id too', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectRefused(
      await t.gql(`mutation ($id: ID!) { updateCadence(id: $id, input: { name: null }) { id } }`, { id: unknown }, admin.token),
      'input.name',
      /^input\.name cannot be cleared; omit it to leave it unchanged$/,
    );
  });

  it('answers a document over the token limit with HTTP 400, not 500', async () => {
    const query = `{ me { ${Array.from({ length: t.config.graphqlMaxTokens }, () => 'id').join(' ')} } }`;
    const response = await t.gql(query, {}, admin.token);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0].message).toMatch(/Document contains more tha[nt] \d+ tokens/);
  });

  it('refuses a NUL in the query parameters of the CSV routes with 400', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/exports/stakeholders.csv?search=Acme%00', headers: { authorization: `Bearer ${admin.token}` } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['search'] }) });
  });

  it('lets exactly one of many concurrent bookings of the same two people win, every loser a CONFLICT (never a deadlock)', async () => {
    const stakeholder = await makeStakeholder(ds, { kind: StakeholderKind.PARTNER });
    const [a, b] = await Promise.all([t.signInAs(UserRole.LEADERSHIP), t.signInAs(UserRole.PARTNER_MANAGER)]);
    const organisers = await Promise.all(Array.from({ length: 6 }, () => t.signInAs(UserRole.PARTNER_MANAGER)));
    for (let round = 0; round < 5; round += 1) {
      const startsAt = new Date(Date.UTC(2027, 2, 1 + round, 9)).toISOString();
      const endsAt = new Date(Date.UTC(2027, 2, 1 + round, 10)).toISOString();
      const results = await Promise.all(
        organisers.map((o, i) =>
          t.gql(
            `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
            {
              input: {
                kind: 'REVIEW_MEETING', title: `Review ${round}.${i}`, stakeholderId: stakeholder.id, startsAt, endsAt, timeZone: 'Europe/Berlin', location: 'Hamburg',
                // Half list them one way round, half the other: the server's lock order must not depend on it.
                attendeeUserIds: i % 2 ? [a.id, b.id] : [b.id, a.id],
              },
            },
            o.token,
          ),
        ),
      );
      expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual([...Array(organisers.length - 1).fill('CONFLICT'), 'OK']);
    }
  }, 120_000);
});
