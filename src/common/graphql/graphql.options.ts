import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { queryCostPlugin } from './cost/query-cost.plugin';
import { applyInputRules } from './input-rules';
import { AppRequest, GraphqlContext } from './graphql-context';
import { DateTimeScalar } from './date-time.scalar';
import { Loaders } from './loaders';

export const SCHEMA_FILE = 'schema.gql';

/** Apollo settings, including the limits that protect against abusive queries. */
export function graphqlOptions(config: AppConfig, dataSource: DataSource, schemaFile: string | true): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphqlMaxDepth },
    // Armor's cost counts fields and depth but not page sizes; ours multiplies by them.
    costLimit: { enabled: false },
    maxAliases: { n: config.graphqlMaxAliases },
    // The token limit is graphql-js's own (parseOptions below): armor's throws from a plugin hook,
    // which Apollo answers with HTTP 500, while a parse error is a 400 the client can act on.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: !config.graphqlIntrospection },
  });
  const protection = armor.protect();
  return {
    autoSchemaFile: schemaFile,
    // The input rules (control characters, blank text, null in updates) wrap every resolver with arguments.
    transformSchema: applyInputRules,
    sortSchema: true,
    // Every Date field and argument is the strict DateTime (an explicit offset), not Nest's default.
    buildSchemaOptions: { addNewlineAtEnd: true, scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    introspection: config.graphqlIntrospection,
    // One operation per HTTP request: batching would multiply every limit above.
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ...protection.plugins,
      queryCostPlugin(config.graphqlMaxCost),
      config.graphqlSandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      // No type or field sets a cache hint (responses depend on who asks), so Apollo's cache
      // control, which hooks every field it resolves, has nothing to do.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: config.graphqlMaxTokens },
    formatError: formatGraphqlError,
    context: (req: AppRequest): GraphqlContext => ({ req, loaders: new Loaders(dataSource) }),
  };
}
