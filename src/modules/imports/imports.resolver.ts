import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection } from '../../common/pagination/connection.model';
import { PageArgs } from '../../common/pagination/page.args';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UpdateImportMappingArgs } from './dto/update-import-mapping.args';
import { IMPORTER_ROLES } from './import-kind-rules';
import { ImportsService } from './imports.service';
import { ImportConnection, ImportModel } from './models/import.model';

/** Uploads go through POST /imports (multipart); everything after that is here. */
@Resolver(() => ImportModel)
@Roles(...IMPORTER_ROLES)
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  @Query(() => ImportConnection, { name: 'imports', description: 'Newest first. Admins see every import, everyone else their own.' })
  async list(@CurrentUser() actor: AuthUser, @Args() args: PageArgs): Promise<Connection<ImportModel>> {
    const page = await this.imports.list(actor, args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: ImportModel.from(e.node) })) };
  }

  @Query(() => ImportModel, { name: 'import', description: 'With its dry run, and its progress while it runs.' })
  async findOne(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<ImportModel> {
    return ImportModel.from(await this.imports.findVisible(actor, id));
  }

  @Mutation(() => ImportModel, { description: 'Edits which header feeds which column, and runs the dry run again.' })
  async updateImportMapping(@CurrentUser() actor: AuthUser, @Args() { id, mapping }: UpdateImportMappingArgs): Promise<ImportModel> {
    return ImportModel.from(await this.imports.updateMapping(actor, id, mapping));
  }

  @Mutation(() => ImportModel, { description: 'Queues a VALIDATED import for a worker.' })
  async startImport(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<ImportModel> {
    return ImportModel.from(await this.imports.start(actor, id));
  }

  @Mutation(() => ImportModel, { description: 'Before it runs: cancelled at once. While it runs: stops and rolls back everything.' })
  async cancelImport(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<ImportModel> {
    return ImportModel.from(await this.imports.cancel(actor, id));
  }

  @ResolveField(() => UserModel, { nullable: true })
  createdBy(@Root() row: ImportModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, row.createdById);
  }
}
