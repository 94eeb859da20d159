import { buildSchema, GraphQLSchema } from 'graphql';
import { DEFAULT_LIST_SIZE, free, listOf, operationCost, PAGE_SIZE_CEILING } from './query-cost';

// A small schema with the shapes the model tells apart: pages (`first`), connections, plain
// lists, lists of a declared size, leaves and an interface.
function schemaUnderTest(): GraphQLSchema {
  const schema = buildSchema(`
    type Query {
      things(first: Int = 20): [Thing!]!
      thingPage(first: Int! = 20): ThingConnection!
      thing: Thing
      node: Node
    }
    type Mutation { touch: Thing! }
    interface Node { id: ID! }
    type Thing implements Node {
      id: ID!
      name: String
      tags: [String!]!
      owner: Owner
      children(first: Int = 20): [Thing!]!
      parts: [Part!]!
      sizedParts: [Part!]!
    }
    type Part implements Node { id: ID! owner: Owner pieces: [Owner!]! }
    type Owner implements Node { id: ID! name: String }
    type ThingConnection { totalCount: Int! edges: [ThingEdge!]! pageInfo: PageInfo! }
    type ThingEdge { cursor: String! node: Thing! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
  `);
  const fields = (type: string) => (schema.getType(type) as unknown as { getFields(): Record<string, { extensions: object }> }).getFields();
  // What @Field(..., { complexity }) sets on a code-first field.
  Object.assign(fields('ThingConnection').edges, { extensions: { complexity: free } });
  Object.assign(fields('ThingConnection').pageInfo, { extensions: { complexity: free } });
  Object.assign(fields('Thing').sizedParts, { extensions: { complexity: listOf(3) } });
  return schema;
}

describe('operationCost', () => {
  const schema = schemaUnderTest();
  const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, query, variables).cost;

  it('charges nothing for leaves, even lists of them', () => {
    expect(cost(`{ thing { id name tags } }`)).toBe(1);
  });

  it('charges 1 per object', () => {
    expect(cost(`{ thing { id owner { id } } }`)).toBe(2);
  });

  it('multiplies a page by first, or by its default', () => {
    expect(cost(`{ things(first: 50) { id owner { id } } }`)).toBe(50 * 2);
    expect(cost(`{ things { id owner { id } } }`)).toBe(20 * 2);
  });

  it('multiplies three nested pages of 100 into a million objects and more', () => {
    expect(cost(`{ things(first: 100) { children(first: 100) { children(first: 100) { id } } } }`)).toBe(100 + 100 * 100 + 100 ** 3);
  });

  it('reads first from the variables, and the variable default when none is sent', () => {
    const query = `query ($n: Int = 7) { things(first: $n) { id } }`;
    expect(cost(query, { n: 30 })).toBe(30);
    expect(cost(query)).toBe(7);
  });

  it('counts first at most up to the ceiling, and below 0 as 0', () => {
    expect(cost(`{ things(first: 1000000) { id } }`)).toBe(PAGE_SIZE_CEILING);
    expect(cost(`{ things(first: -5) { id } }`)).toBe(0);
  });

  it('charges a connection once and its nodes per page item; edges and page info are free', () => {
    expect(cost(`{ thingPage(first: 100) { totalCount pageInfo { hasNextPage } edges { cursor node { id owner { id } } } } }`)).toBe(
      1 + 100 * 2,
    );
  });

  it('assumes DEFAULT_LIST_SIZE items in an unbounded list, or the size a field declares', () => {
    expect(cost(`{ thing { parts { id owner { id } } } }`)).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(cost(`{ thing { sizedParts { id owner { id } } } }`)).toBe(1 + 3 * 2);
  });

  it('multiplies unbounded lists nested under a page', () => {
    expect(cost(`{ things(first: 100) { parts { pieces { id } } } }`)).toBe(100 * (1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE)));
  });

  it('counts fragments as if written out (a field selected twice, twice), and the costliest type behind an interface', () => {
    const spread = `fragment T on Thing { owner { id } parts { id } } { thing { ...T ... on Thing { owner { name } } } }`;
    expect(cost(spread)).toBe(1 + 1 + DEFAULT_LIST_SIZE + 1);
    expect(cost(`{ node { id ... on Thing { parts { id } } ... on Part { owner { id } } } }`)).toBe(1 + DEFAULT_LIST_SIZE);
  });

  it('skips what @include(if: false) or @skip(if: true) leave out', () => {
    const query = `query ($full: Boolean!) { thing { id parts @include(if: $full) { id } } }`;
    expect(cost(query, { full: false })).toBe(1);
    expect(cost(query, { full: true })).toBe(1 + DEFAULT_LIST_SIZE);
  });

  it('costs mutations the same way', () => {
    expect(cost(`mutation { touch { owner { id } } }`)).toBe(2);
  });

  it('charges nothing for introspection', () => {
    expect(cost(`{ __schema { types { name fields { name args { name type { name ofType { name } } } } } } }`)).toBe(0);
  });

  it('reports variables that do not fit instead of guessing', () => {
    expect(operationCost(schema, `query ($n: Int!) { things(first: $n) { id } }`, { n: 'many' })).toEqual({ cost: null, reason: 'bad-variables' });
  });

  it('gives up on a document whose walk visits too many fields', () => {
    const fragments = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Thing { ${i === 0 ? 'id' : `a: owner { id } ...F${i - 1} children { ...F${i - 1} } `} }`);
    const query = `${fragments.join('\n')} { things { ...F13 } }`;
    expect(operationCost(schema, query)).toEqual({ cost: null, reason: 'too-many-nodes' });
  });
});
