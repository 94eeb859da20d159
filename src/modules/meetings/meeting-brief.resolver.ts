import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/auth.decorators';
import { IdArgs } from '../../common/graphql/id.args';
import { UserRole } from '../users/user-role.enum';
import { MeetingBriefModel } from './meeting-brief.model';
import { MeetingBriefService } from './meeting-brief.service';

@Resolver(() => MeetingBriefModel)
export class MeetingBriefResolver {
  constructor(private readonly briefs: MeetingBriefService) {}

  @Query(() => MeetingBriefModel, { description: 'The pre-visit brief for a meeting (id).' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN)
  meetingBrief(@Args() { id }: IdArgs): Promise<MeetingBriefModel> {
    return this.briefs.brief(id);
  }
}
