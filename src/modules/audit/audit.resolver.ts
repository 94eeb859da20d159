import { Args, Context, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { Connection } from '../../common/pagination/connection.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { UserRole } from '../users/user-role.enum';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryConnection, AuditEntryModel } from './audit-entry.model';
import { AuditService } from './audit.service';
import { AuditedRecord } from './audited-record.enum';
import { AuditTrailArgs } from './dto/audit-trail.args';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail of one record, oldest first.' })
  @Roles(UserRole.LEADERSHIP, UserRole.ADMIN)
  async auditTrail(@Args() args: AuditTrailArgs): Promise<Connection<AuditEntryModel>> {
    const page = await this.audit.trail(args.record, args.recordId, args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toModel(e.node) })) };
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Root() entry: AuditEntryModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, entry.actorId);
  }
}

function toModel(entity: AuditEntryEntity): AuditEntryModel {
  return Object.assign(new AuditEntryModel(), {
    id: entity.id,
    occurredAt: entity.occurredAt,
    actorId: entity.actorId,
    record: entity.entityType as AuditedRecord,
    recordId: entity.entityId,
    action: entity.action,
    before: entity.before,
    after: entity.after,
  });
}
