import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { UserRole } from '../users/user-role.enum';
import { ReasonArgs } from './dto/reason.args';
import { MyDayItemModel } from './my-day-item.model';
import { MY_DAY_LIMIT, MyDayService } from './my-day.service';
import { OutreachTaskModel } from './outreach-task.model';
import { OutreachTasksService } from './outreach-tasks.service';

@Resolver(() => OutreachTaskModel)
export class OutreachTasksResolver {
  constructor(
    private readonly tasks: OutreachTasksService,
    private readonly day: MyDayService,
  ) {}

  @Query(() => [MyDayItemModel], {
    description: `Your open tasks due today (UTC) and overdue: overdue first, then by due time, then case priority (at most ${MY_DAY_LIMIT}).`,
  })
  myDay(@CurrentUser() actor: AuthUser): Promise<MyDayItemModel[]> {
    return this.day.myDay(actor);
  }

  @Mutation(() => OutreachTaskModel, { description: 'The task or case owner, or an admin; the reason is kept.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  skipTask(@CurrentUser() actor: AuthUser, @Args() { id, reason }: ReasonArgs): Promise<OutreachTaskModel> {
    return this.tasks.skip(actor, id, reason);
  }
}
