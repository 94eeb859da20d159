import { Args, Context, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { Connection } from '../../common/pagination/connection.model';
import { loadUserModel } from '../users/load-user';
import { UserModel } from '../users/user.model';
import { CaseTimelineService } from './case-timeline.service';
import { CaseTimelineArgs } from './dto/case-timeline.args';
import { TimelineItemConnection, TimelineItemModel } from './timeline-item.model';

@Resolver(() => TimelineItemModel)
export class CaseTimelineResolver {
  constructor(private readonly timeline: CaseTimelineService) {}

  @Query(() => TimelineItemConnection, {
    description: "A case's interactions, status changes, compensation steps and meetings, newest first: what to read before picking up the phone.",
  })
  caseTimeline(@Args() args: CaseTimelineArgs): Promise<Connection<TimelineItemModel>> {
    return this.timeline.timeline(args);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for changes made by the system.' })
  actor(@Root() item: TimelineItemModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    return loadUserModel(ctx.loaders, item.actorId);
  }
}
