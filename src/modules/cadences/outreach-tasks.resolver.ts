import { Args, Context, ID, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { CommitmentQueriesService } from '../commitments/commitment-queries.service';
import { CommitmentModel } from '../commitments/commitment.model';
import { UserRole } from '../users/user-role.enum';
import { ReasonArgs } from './dto/reason.args';
import { MyDayModel } from './my-day.model';
import { MY_DAY_LIMIT, MyDayService } from './my-day.service';
import { OutreachTaskModel } from './outreach-task.model';
import { OutreachTasksService } from './outreach-tasks.service';

@Resolver(() => OutreachTaskModel)
export class OutreachTasksResolver {
  constructor(
    private readonly tasks: OutreachTasksService,
    private readonly day: MyDayService,
    private readonly commitments: CommitmentQueriesService,
  ) {}

  @Query(() => MyDayModel, {
    description: `Your open tasks due today (UTC) and overdue (overdue first, then by due time, then case priority; at most ${MY_DAY_LIMIT}), and your overdue commitments.`,
  })
  async myDay(@CurrentUser() actor: AuthUser): Promise<MyDayModel> {
    const [tasks, overdue] = await Promise.all([this.day.myDay(actor), this.commitments.overdueOwnedBy(actor.id)]);
    return Object.assign(new MyDayModel(), { tasks, overdueCommitments: overdue.map(CommitmentModel.from) });
  }

  @Mutation(() => OutreachTaskModel, { description: 'The case owner or an admin; the reason is kept.' })
  @Roles(UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN)
  skipTask(@CurrentUser() actor: AuthUser, @Args() { id, reason }: ReasonArgs): Promise<OutreachTaskModel> {
    return this.tasks.skip(actor, id, reason);
  }

  @ResolveField(() => ID, { description: 'Who is to do the task: the owner of its case, so a reassigned case takes its open tasks along.' })
  async ownerId(@Root() task: OutreachTaskModel, @Context() ctx: GraphqlContext): Promise<string> {
    const recoveryCase = await ctx.loaders.recoveryCaseById.load(task.caseId);
    if (!recoveryCase) throw new Error(`case ${task.caseId} of outreach task ${task.id} is missing`);
    return recoveryCase.ownerId;
  }
}
