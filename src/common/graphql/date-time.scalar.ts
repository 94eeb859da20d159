import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseInstant } from '../time/instant';

export const DATE_TIME_FORMAT = 'an ISO 8601 date-time with a UTC offset, such as 2026-03-06T15:00:00Z or 2026-03-06T16:00:00+01:00';

function parseDateTimeValue(value: unknown): Date {
  const parsed = typeof value === 'string' ? parseInstant(value) : null;
  if (!parsed) {
    // graphql-js puts the argument or field path in front of this ("… at "input.detectedAt"; …").
    throw new GraphQLError(`${JSON.stringify(value)} is not ${DATE_TIME_FORMAT}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return parsed;
}

/**
 * Every DateTime of the schema (Date fields are mapped to it in graphqlOptions). It takes only
 * an instant: a time without an offset, or a bare date, names no instant until a zone is
 * guessed, and guessing UTC for someone in Sydney moves their call by ten hours.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as ISO 8601 with an explicit UTC offset (Z or ±hh:mm), e.g. 2026-03-06T15:00:00Z; always returned in UTC with Z.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: parseDateTimeValue,
  parseLiteral(ast) {
    return parseDateTimeValue(ast.kind === Kind.STRING ? ast.value : `<${ast.kind}>`);
  },
});
