import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLSchema } from 'graphql';
import { inputPositions, InputPosition, operationAt } from './support/schema-inputs';
import { SignedIn, TestApp } from './support/test-app';

/**
 * Every DateTime the schema accepts, found by walking the schema's arguments and input types,
 * not from a list: each takes only an instant with an explicit offset, and a bad one is
 * BAD_USER_INPUT naming the field and the format expected.
 */
describe('DateTime inputs', () => {
  let t: TestApp;
  let admin: SignedIn;
  let schema: GraphQLSchema;
  let positions: InputPosition[];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signInAdmin();
    schema = t.app.get(GraphQLSchemaHost).schema;
    positions = inputPositions(schema, (type) => type.name === 'DateTime');
  });
  afterAll(() => t.close());

  const errorsAt = async (position: InputPosition, value: unknown) => {
    const { query, variables } = operationAt(schema, position, value);
    const response = await t.gql(query, variables, admin.token);
    return (response.errors ?? []).filter((e) => e.message.includes('is not an ISO 8601 date-time'));
  };

  it('finds the date-time inputs of every kind of record', () => {
    const labels = positions.map((p) => `${p.field}(${p.label})`);
    // A sample of what the walk must find, so that a walk finding nothing cannot pass.
    for (const expected of ['createCrisis(input.detectedAt)', 'logInteraction(input.occurredAt)', 'recordSurveyResponses(rows[0].respondedAt)']) {
      expect(labels).toContain(expected);
    }
    expect(positions.length).toBeGreaterThan(15);
  });

  it.each([
    ['no offset', '2026-12-09T15:00:00'],
    ['a date alone', '2026-12-10'],
    ['garbage', 'garbage'],
    ['a day not on the calendar', '2026-02-30T10:00:00Z'],
    ['a number', 1765292400000],
  ])('refuses %s at every one of them, naming the field and the format', async (_what, value) => {
    for (const position of positions) {
      const errors = await errorsAt(position, value);
      expect({ at: `${position.field}(${position.label})`, errors: errors.length }).toEqual({ at: `${position.field}(${position.label})`, errors: 1 });
      expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      const lastName = position.path[position.path.length - 1];
      expect(errors[0].message).toContain(lastName);
      expect(errors[0].message).toContain('with a UTC offset, such as 2026-03-06T15:00:00Z');
    }
  });

  it('takes Z and numeric offsets at every one of them', async () => {
    for (const position of positions) {
      for (const value of ['2026-01-02T03:04:05Z', '2026-01-02T04:04:05.5+01:00']) {
        expect({ at: position.label, errors: await errorsAt(position, value) }).toEqual({ at: position.label, errors: [] });
      }
    }
  });

  it('reads an offset as the instant it names and answers in UTC', async () => {
    const { createCrisis } = await t.ok<{ createCrisis: { detectedAt: string } }>(
      `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { detectedAt } }`,
      { input: { title: 'Offset crisis', category: 'SERVICE_OUTAGE', severity: 'MINOR', detectedAt: '2026-01-02T04:04:05+01:00' } },
      admin.token,
    );
    expect(createCrisis.detectedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('refuses a bad literal too, as BAD_USER_INPUT', async () => {
    const response = await t.gql(
      `{ freeBusy(from: "2026-12-10", to: "2026-12-11T00:00:00Z", timeZone: "UTC", userIds: ["${admin.id}"]) { __typename } }`,
      {},
      admin.token,
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('"2026-12-10" is not an ISO 8601 date-time with a UTC offset');
  });
});
