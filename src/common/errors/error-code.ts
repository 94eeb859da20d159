/** The stable `extensions.code` values clients can rely on. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  /** The operation's cost (src/common/graphql/cost/query-cost.ts) is over GRAPHQL_MAX_COST. */
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  Internal = 'INTERNAL_SERVER_ERROR',
}
