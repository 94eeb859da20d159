import { randomUUID } from 'node:crypto';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';

/**
 * Walks a schema's operations for the input positions of one kind (every DateTime, every
 * currency…), and builds, for each, an operation that puts a chosen value there and fills
 * everything else that is required with a plausible sample, so a test can send each position
 * through the API without a hand-written list of them.
 */
export interface InputPosition {
  operation: 'query' | 'mutation';
  field: string;
  /** Argument name, then input field names. */
  path: string[];
  /** How the client would name it: `input.detectedAt`, `rows[0].respondedAt`, `from`. */
  label: string;
}

export type PositionTest = (type: GraphQLNamedType, fieldName: string) => boolean;

export function inputPositions(schema: GraphQLSchema, matches: PositionTest): InputPosition[] {
  const found: InputPosition[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) walk(arg.type, arg.name, [arg.name], arg.name, new Set());
      function walk(type: GraphQLInputType, name: string, path: string[], label: string, seen: Set<string>): void {
        const named = getNamedType(type);
        if (matches(named, name)) found.push({ operation, field: field.name, path, label });
        if (!isInputObjectType(named) || seen.has(named.name)) return;
        const prefix = isListType(isNonNullType(type) ? type.ofType : type) ? `${label}[0]` : label;
        for (const f of Object.values(named.getFields())) {
          walk(f.type, f.name, [...path, f.name], `${prefix}.${f.name}`, new Set([...seen, named.name]));
        }
      }
    }
  }
  return found;
}

const SAMPLES: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  BigInt: '1',
  DateTime: '2026-01-01T00:00:00Z',
};

function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    // Its required fields (those without a default); deep enough for any input of this schema.
    const value: Record<string, unknown> = {};
    if (depth < 6) {
      for (const f of Object.values(type.getFields())) {
        if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = sample(f.type, depth + 1);
      }
    }
    return value;
  }
  return type.name === 'ID' ? randomUUID() : (SAMPLES[type.name] ?? 'x');
}

/** A sample of `type` with the position `path` inside it set to `leaf`. */
function filled(type: GraphQLInputType, path: string[], leaf: unknown): unknown {
  if (isNonNullType(type)) return filled(type.ofType, path, leaf);
  if (!path.length) return isListType(type) && !Array.isArray(leaf) ? [leaf] : leaf;
  if (isListType(type)) return [filled(type.ofType, path, leaf)];
  if (!isInputObjectType(type)) throw new Error(`${String(type)} has no field ${path[0]}`);
  const [head, ...rest] = path;
  return { ...(sample(type) as object), [head]: filled(type.getFields()[head].type, rest, leaf) };
}

/** An operation calling the position's field with `leaf` at the position, its other required arguments filled. */
export function operationAt(
  schema: GraphQLSchema,
  position: InputPosition,
  leaf: unknown,
  /** The selection for a return type, when `__typename` would not show what the test looks for. */
  selections: Record<string, string> = {},
): { query: string; variables: Record<string, unknown> } {
  const root = (position.operation === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  const field: GraphQLField<unknown, unknown> = root.getFields()[position.field];
  const [argName, ...rest] = position.path;
  const args = field.args.filter((a: GraphQLArgument) => a.name === argName || (isNonNullType(a.type) && a.defaultValue === undefined));
  const variables: Record<string, unknown> = {};
  for (const a of args) variables[a.name] = a.name === argName ? filled(a.type, rest, leaf) : sample(a.type);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = isLeafType(returned) ? '' : ` { ${selections[returned.name] ?? '__typename'} }`;
  return {
    query: `${position.operation} ${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables,
  };
}
