import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const INTEGER = /^-?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Parses client input into a canonical decimal string, refusing anything that is not an exact 64-bit integer. */
export function parseBigIntValue(value: unknown): string {
  let parsed: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    parsed = BigInt(value);
  } else if (typeof value === 'string' && INTEGER.test(value.trim())) {
    parsed = BigInt(value.trim());
  } else {
    throw new GraphQLError(
      `BigInt must be a whole number of minor units, given as a string of digits (e.g. "125000"); got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  if (parsed < INT64_MIN || parsed > INT64_MAX) {
    throw new GraphQLError('BigInt is outside the 64-bit range', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return parsed.toString();
}

/**
 * A 64-bit integer carried as a decimal string, so amounts beyond 2^53 cross JSON without
 * losing precision. Used for money in minor units.
 */
export const BigIntScalar = new GraphQLScalarType<string, string>({
  name: 'BigInt',
  description:
    'A 64-bit integer serialised as a decimal string (e.g. "12500000000") so that no client loses precision. Input accepts a string or a safe integer.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && INTEGER.test(value)) return value;
    throw new GraphQLError(`BigInt cannot represent ${String(value)}`);
  },
  parseValue: parseBigIntValue,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parseBigIntValue(ast.value);
    throw new GraphQLError('BigInt must be given as a string of digits or an integer', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
