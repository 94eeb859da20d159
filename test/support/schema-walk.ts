import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Walks the built schema to make requests for every input a client can send: each String or
 * ID argument, and each String or ID field of every input object (at any depth, in lists),
 * with every other required input given the smallest value its type accepts.
 */

export type Segment = string | number;

export interface TextSlot {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** Argument name, then input fields and list indexes. */
  segments: Segment[];
  /** As the input rules name it: `input.steps[0].offset`. */
  path: string;
  /** The field or argument name, which decides single- or multi-line. */
  name: string;
}

const TEXT = new Set(['String', 'ID']);

export function pathOf(segments: Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The smallest value of a type (required fields only), as a client would send it in variables. */
export function minimalValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [];
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = minimalValue(f.type);
    }
    return value;
  }
  switch (named.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-03-06T15:00:00.000Z';
    case 'BigInt':
      return '100';
    default:
      return 'text';
  }
}

/** The minimal value of `type` with `leaf` at `segments`. */
export function valueWith(type: GraphQLInputType, segments: Segment[], leaf: unknown): unknown {
  if (!segments.length) return leaf;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [valueWith(inner.ofType, segments.slice(1), leaf)];
  const object = inner as GraphQLInputObjectType;
  const [name, ...rest] = segments;
  const base = minimalValue(object) as Record<string, unknown>;
  return { ...base, [name]: valueWith(object.getFields()[name as string].type, rest, leaf) };
}

function textPaths(type: GraphQLInputType, segments: Segment[], name: string, seen: Set<string>): { segments: Segment[]; name: string }[] {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return textPaths(inner.ofType, [...segments, 0], name, seen);
  const named = getNamedType(inner);
  if (isLeafType(named)) return TEXT.has(named.name) ? [{ segments, name }] : [];
  if (seen.has(named.name)) return [];
  const next = new Set(seen).add(named.name);
  return Object.values((named as GraphQLInputObjectType).getFields()).flatMap((f) => textPaths(f.type, [...segments, f.name], f.name, next));
}

export function rootFields(schema: GraphQLSchema): { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  const roots: { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];
  for (const [operation, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) roots.push({ operation, field });
  }
  return roots;
}

export function textSlots(schema: GraphQLSchema): TextSlot[] {
  return rootFields(schema).flatMap(({ operation, field }) =>
    field.args.flatMap((arg) =>
      textPaths(arg.type, [arg.name], arg.name, new Set()).map((p) => ({ operation, field, segments: p.segments, path: pathOf(p.segments), name: p.name })),
    ),
  );
}

/** Fields other than Query's and Mutation's that take text or input objects (the walk would miss them). */
export function nestedFieldsWithTextArgs(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => textPaths(a.type, [a.name], a.name, new Set()).length || isInputObjectType(getNamedType(a.type)))) {
        out.push(`${type.name}.${field.name}`);
      }
    }
  }
  return out;
}

/**
 * One request for `field`: every required argument minimal, and `overrides` (argument name →
 * value) as given. The result is only `__typename` when it is an object.
 */
export function requestFor(
  operation: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  overrides: Record<string, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const used: GraphQLArgument[] = field.args.filter((a) => a.name in overrides || (isNonNullType(a.type) && a.defaultValue === undefined));
  const variables = Object.fromEntries(used.map((a) => [a.name, a.name in overrides ? overrides[a.name] : minimalValue(a.type)]));
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${operation}${defs ? ` (${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { query, variables };
}
