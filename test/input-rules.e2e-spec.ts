import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLInputObjectType, GraphQLSchema, getNamedType, isInputObjectType, isNonNullType } from 'graphql';
import { isClearable, isUpdateInputType } from '../src/common/graphql/input-rules';
import { BLANK_ALLOWED_FIELDS, MULTI_LINE_FIELDS } from '../src/common/validation/text-rule';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { nestedFieldsWithTextArgs, requestFor, rootFields, TextSlot, textSlots, valueWith } from './support/schema-walk';
import { GqlResponse, SignedIn, TestApp } from './support/test-app';

/**
 * The input rules, proven on every input of the schema rather than a sample: the walk reads
 * the built schema, so a new argument or input field is tested the day it is added.
 */
describe('input rules, over every input of the schema', () => {
  let t: TestApp;
  let admin: SignedIn;
  let schema: GraphQLSchema;
  let slots: TextSlot[];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signInAdmin();
    schema = t.app.get(GraphQLSchemaHost).schema;
    slots = textSlots(schema);
  });
  afterAll(() => t.close());

  async function send(slot: TextSlot, leaf: string): Promise<GqlResponse> {
    const arg = slot.field.args.find((a) => a.name === slot.segments[0])!;
    const { query, variables } = requestFor(slot.operation, slot.field, { [arg.name]: valueWith(arg.type, slot.segments.slice(1), leaf) });
    return t.gql(query, variables, admin.token);
  }

  /** The text-rule refusals of `path` in a response (there may be other errors: the rest of the input is only minimal). */
  function refusalsOf(response: GqlResponse, path: string): string[] {
    return (response.errors ?? [])
      .filter((e) => e.extensions?.code === 'BAD_USER_INPUT' && (e.extensions.fields as string[] | undefined)?.includes(path))
      .map((e) => e.message);
  }

  it('finds every text input, and no field outside Query and Mutation that takes one', () => {
    expect(nestedFieldsWithTextArgs(schema)).toEqual([]);
    expect(slots.length).toBeGreaterThan(150);
    const names = new Set(slots.map((s) => s.name));
    // Every multi-line name is a real input; a rename would otherwise silently make it single-line.
    expect([...MULTI_LINE_FIELDS].filter((n) => !names.has(n))).toEqual([]);
  });

  it('refuses U+0000 and other control characters in every String and ID input, naming the field', async () => {
    const missed: string[] = [];
    for (const slot of slots) {
      for (const bad of ['Acme\u0000Corp', 'bell\u0007']) {
        const response = await send(slot, bad);
        const refusals = refusalsOf(response, slot.path);
        if (response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') || !refusals.some((m) => m.startsWith(`${slot.path} must not contain control characters`))) {
          missed.push(`${slot.field.name} ${slot.path} ${JSON.stringify(bad)}: ${JSON.stringify(response.errors)}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('lets multi-line fields hold line breaks and tabs, and refuses them in single-line fields', async () => {
    const missed: string[] = [];
    for (const slot of slots) {
      const response = await send(slot, 'First line\r\nsecond\tline\n');
      const refused = refusalsOf(response, slot.path).some((m) => m.includes('control characters'));
      if (refused !== !MULTI_LINE_FIELDS.has(slot.name)) missed.push(`${slot.field.name} ${slot.path}: ${JSON.stringify(response.errors)}`);
    }
    expect(missed).toEqual([]);
  });

  it('refuses text of only white space in every String and ID input but a search', async () => {
    const missed: string[] = [];
    for (const slot of slots) {
      const response = await send(slot, '   ');
      const refused = refusalsOf(response, slot.path).includes(`${slot.path} must not be blank (only white space)`);
      if (refused === BLANK_ALLOWED_FIELDS.has(slot.name)) {
        missed.push(`${slot.field.name} ${slot.path}: ${JSON.stringify(response.errors)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  /** Every nullable field of every update input, with the mutations (and their input argument) that take it. */
  function updateFields(): { mutation: ReturnType<typeof rootFields>[number]; arg: string; type: GraphQLInputObjectType; field: string; clearable: boolean }[] {
    return rootFields(schema)
      .filter((r) => r.operation === 'mutation')
      .flatMap((root) =>
        root.field.args
          .filter((a) => isInputObjectType(getNamedType(a.type)) && isUpdateInputType(getNamedType(a.type).name))
          .flatMap((a) => {
            const type = getNamedType(a.type) as GraphQLInputObjectType;
            return Object.values(type.getFields())
              .filter((f) => !isNonNullType(f.type))
              .map((f) => ({ mutation: root, arg: a.name, type, field: f.name, clearable: isClearable(f) }));
          }),
      );
  }

  it('refuses null for every field of an update input that cannot be cleared, before looking the record up', async () => {
    const fields = updateFields().filter((f) => !f.clearable);
    expect(new Set(fields.map((f) => f.type.name)).size).toBeGreaterThanOrEqual(8);
    const missed: string[] = [];
    for (const f of fields) {
      const { query, variables } = requestFor('mutation', f.mutation.field, { [f.arg]: { [f.field]: null } });
      const response = await t.gql(query, variables, admin.token);
      const path = `${f.arg}.${f.field}`;
      if (!refusalsOf(response, path).includes(`${path} cannot be cleared; omit it to leave it unchanged`)) {
        missed.push(`${f.mutation.field.name} ${path}: ${JSON.stringify(response.errors)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('clears every clearable field of an update input with null', async () => {
    // A real record per update input that has clearable fields; a new one fails here until it has its record.
    const records: Record<string, () => Promise<Record<string, unknown>>> = {
      UpdateStakeholderInput: async () => ({ id: (await makeStakeholder(t.dataSource, { kind: StakeholderKind.PARTNER })).id }),
      UpdateContactInput: async () => ({ id: (await makeContact(t.dataSource, (await makeStakeholder(t.dataSource)).id)).id }),
      UpdateCrisisInput: async () => ({ id: (await makeCrisis(t.dataSource)).id }),
    };
    const fields = updateFields().filter((f) => f.clearable);
    expect([...new Set(fields.map((f) => f.type.name))].sort()).toEqual(Object.keys(records).sort());
    const failed: string[] = [];
    for (const f of fields) {
      const args = await records[f.type.name]();
      const { query, variables } = requestFor('mutation', f.mutation.field, { ...args, [f.arg]: { [f.field]: null } });
      const response = await t.gql(query, variables, admin.token);
      if (response.errors) failed.push(`${f.mutation.field.name} ${f.arg}.${f.field}: ${JSON.stringify(response.errors)}`);
    }
    expect(failed).toEqual([]);
  });
});
