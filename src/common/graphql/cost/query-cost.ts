import { DocumentNode, getNamedType, getNullableType, GraphQLError, GraphQLSchema, isLeafType, isListType, parse } from 'graphql';
import { ComplexityEstimatorArgs, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../../pagination/page.args';

/**
 * What one operation may cost: roughly the number of objects its answer can hold.
 *
 * - A scalar or enum field costs nothing; an object costs 1 plus what is selected under it.
 * - A field with a `first` argument holds up to `first` of what is selected under it (its
 *   default when omitted). `first` counts at most `PAGE_SIZE_CEILING`: above it the field's own
 *   bound refuses the request with a precise message.
 * - Any other list of objects is assumed to hold `DEFAULT_LIST_SIZE` items, unless its field
 *   declares its own size (`@Field(..., { complexity: listOf(n) })`).
 * - A connection's edges and page info are free: the node inside each edge is what counts.
 * - Introspection (`__schema`, `__type`) is free: it is bounded by the schema.
 *
 * graphql-query-complexity walks the document (fragments, @include/@skip, the costliest member
 * of an interface or union) and asks these estimators for each field, innermost first.
 */
export const DEFAULT_LIST_SIZE = 10;
export const PAGE_SIZE_CEILING = MAX_PAGE_SIZE;

/** Largest number of fields the walk visits before it gives up and refuses the operation. */
const MAX_QUERY_NODES = 10_000;

/** A field's own estimator: a list of objects assumed to hold `size` items. */
export function listOf(size: number): (args: { childComplexity: number }) => number {
  return ({ childComplexity }) => size * (1 + childComplexity);
}

/** For a field that costs only what is selected under it (an edge, the page info). */
export const free = ({ childComplexity }: { childComplexity: number }): number => childComplexity;

function pageSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), PAGE_SIZE_CEILING) : 0;
}

/** The rule for every field without a declared complexity. */
export function objectCountEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith('__')) return 0;
  const type = getNullableType(field.type);
  const own = isLeafType(getNamedType(type)) ? 0 : 1;
  const hasFirst = field.args.some((a) => a.name === 'first');
  if (isListType(type)) {
    return (hasFirst ? pageSize(args.first) : DEFAULT_LIST_SIZE) * (own + childComplexity);
  }
  return own + (hasFirst ? pageSize(args.first) : 1) * childComplexity;
}

export const COST_ESTIMATORS = [fieldExtensionsEstimator(), objectCountEstimator];

export type CostOutcome = { cost: number } | { cost: null; reason: 'too-many-nodes' | 'bad-variables' };

/**
 * The cost of one operation of a document, by the model above. Usable from a test on any
 * document the web app sends: `operationCost(schema, source, variables)`.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: string | DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): CostOutcome {
  const query = typeof document === 'string' ? parse(document) : document;
  try {
    const cost = getComplexity({ schema, query, variables, operationName, estimators: COST_ESTIMATORS, maxQueryNodes: MAX_QUERY_NODES });
    return { cost };
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return { cost: null, reason: 'too-many-nodes' };
    }
    // Variables that do not fit their definitions: execution refuses them with a precise message.
    if (error instanceof GraphQLError) return { cost: null, reason: 'bad-variables' };
    throw error;
  }
}
