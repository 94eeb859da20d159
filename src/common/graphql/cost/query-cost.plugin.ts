import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppException } from '../../errors/app.exception';
import { ErrorCode } from '../../errors/error-code';
import { operationCost } from './query-cost';

/**
 * Refuses an operation whose cost (see query-cost.ts) is over `maxCost`, before anything runs.
 * It runs once the operation is known, since the cost depends on the variables (`first: $n`),
 * which validation rules do not see. The refusal answers HTTP 400.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const outcome = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (outcome.cost === null && outcome.reason === 'bad-variables') return;
          if (outcome.cost !== null && outcome.cost <= maxCost) return;
          const exception =
            outcome.cost === null
              ? new AppException(ErrorCode.QueryTooComplex, 'This operation has too many fields and fragments to estimate its cost; split it into smaller ones', {
                  maxCost,
                })
              : new AppException(
                  ErrorCode.QueryTooComplex,
                  `This operation may return about ${outcome.cost} objects, more than the limit of ${maxCost}; ask for smaller pages (first) or fewer nested lists`,
                  { cost: outcome.cost, maxCost },
                );
          throw new GraphQLError(exception.message, { originalError: exception, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
