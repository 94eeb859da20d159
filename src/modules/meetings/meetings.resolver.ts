import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, ConnectionType } from '../../common/pagination/connection.model';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { ContactModel } from '../stakeholders/contact.model';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { UserRole } from '../users/user-role.enum';
import { UserModel } from '../users/user.model';
import { CancelMeetingArgs } from './dto/cancel-meeting.args';
import { CompleteMeetingArgs } from './dto/complete-meeting.args';
import { FreeBusyArgs } from './dto/free-busy.args';
import { MeetingsArgs } from './dto/meetings.args';
import { RescheduleMeetingArgs } from './dto/reschedule-meeting.args';
import { ScheduleMeetingInput } from './dto/schedule-meeting.input';
import { FreeBusyModel } from './free-busy.model';
import { meetingToICalendar } from './meeting-calendar';
import { MeetingLifecycleService } from './meeting-lifecycle.service';
import { meetingLoaders } from './meeting-loaders';
import { MeetingQueriesService } from './meeting-queries.service';
import { MeetingRescheduleModel } from './meeting-reschedule.model';
import { MeetingModel } from './meeting.model';
import { MeetingsService } from './meetings.service';
import { TimeRangeModel } from './time-range.model';

const MeetingConnection = ConnectionType(MeetingModel, 'Meeting');
const ORGANISERS = [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.LEADERSHIP, UserRole.ADMIN];

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduling: MeetingsService,
    private readonly lifecycle: MeetingLifecycleService,
    private readonly queries: MeetingQueriesService,
  ) {}

  @Query(() => MeetingModel)
  async meeting(@Args() { id }: IdArgs): Promise<MeetingModel> {
    return MeetingModel.from(await this.queries.findById(id));
  }

  @Query(() => MeetingConnection, { description: 'Earliest first.' })
  async meetings(@Args() args: MeetingsArgs): Promise<Connection<MeetingModel>> {
    const page = await this.queries.list(args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: MeetingModel.from(e.node) })) };
  }

  @Query(() => FreeBusyModel, { description: 'Busy time of each user in the window, and slots where all of them are free.' })
  async freeBusy(@Args() args: FreeBusyArgs): Promise<FreeBusyModel> {
    const result = await this.queries.freeBusy(args);
    return {
      users: result.users.map((u) => ({ userId: u.user.id, user: UserModel.from(u.user), busy: u.busy.map(TimeRangeModel.from) })),
      suggestedSlots: result.suggestedSlots.map(TimeRangeModel.from),
    };
  }

  @Mutation(() => MeetingModel, {
    description:
      'PARTNER_MANAGER, LEADERSHIP and ADMIN organise any kind; AGENT only FOLLOW_UP_CALL with customers. Refused with CONFLICT if an attendee is already booked.',
  })
  @Roles(...ORGANISERS)
  async scheduleMeeting(@CurrentUser() actor: AuthUser, @Args('input') input: ScheduleMeetingInput): Promise<MeetingModel> {
    return MeetingModel.from(await this.scheduling.schedule(actor, input));
  }

  @Mutation(() => MeetingModel, { description: 'The organiser or an admin; keeps the earlier time in reschedules and raises sequence.' })
  @Roles(...ORGANISERS)
  async rescheduleMeeting(@CurrentUser() actor: AuthUser, @Args() args: RescheduleMeetingArgs): Promise<MeetingModel> {
    return MeetingModel.from(await this.lifecycle.reschedule(actor, args));
  }

  @Mutation(() => MeetingModel, { description: 'The organiser or an admin; frees the attendees’ time.' })
  @Roles(...ORGANISERS)
  async cancelMeeting(@CurrentUser() actor: AuthUser, @Args() { id, reason }: CancelMeetingArgs): Promise<MeetingModel> {
    return MeetingModel.from(await this.lifecycle.cancel(actor, id, reason));
  }

  @Mutation(() => MeetingModel, { description: 'The organiser or an admin, once the meeting has started.' })
  @Roles(...ORGANISERS)
  async completeMeeting(
    @CurrentUser() actor: AuthUser,
    @Args() { id, outcomeSummary, sentiment }: CompleteMeetingArgs,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.lifecycle.complete(actor, id, outcomeSummary, sentiment));
  }

  @Mutation(() => MeetingModel, { description: 'The stakeholder did not come; frees the attendees’ time.' })
  @Roles(...ORGANISERS)
  async markMeetingNoShow(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<MeetingModel> {
    return MeetingModel.from(await this.lifecycle.markNoShow(actor, id));
  }

  @ResolveField(() => UserModel)
  async organiser(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await ctx.loaders.userById.load(m.organiserId);
    if (!user) throw new Error(`organiser ${m.organiserId} of meeting ${m.id} is missing`);
    return UserModel.from(user);
  }

  @ResolveField(() => StakeholderModel)
  async stakeholder(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<StakeholderModel> {
    const stakeholder = await ctx.loaders.stakeholderById.load(m.stakeholderId);
    if (!stakeholder) throw new Error(`stakeholder ${m.stakeholderId} of meeting ${m.id} is missing`);
    return StakeholderModel.from(stakeholder);
  }

  @ResolveField(() => RecoveryCaseModel, { nullable: true })
  async case(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<RecoveryCaseModel | null> {
    if (!m.caseId) return null;
    const found = await meetingLoaders(ctx, this.dataSource).caseById.load(m.caseId);
    return found ? RecoveryCaseModel.from(found) : null;
  }

  @ResolveField(() => [UserModel], { description: 'Our people at the meeting, the organiser included.' })
  async attendees(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<UserModel[]> {
    return (await meetingLoaders(ctx, this.dataSource).usersByMeetingId.load(m.id)).map(UserModel.from);
  }

  @ResolveField(() => [ContactModel], { description: 'The stakeholder’s people at the meeting.' })
  async contacts(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<ContactModel[]> {
    return (await meetingLoaders(ctx, this.dataSource).contactsByMeetingId.load(m.id)).map(ContactModel.from);
  }

  @ResolveField(() => [MeetingRescheduleModel], { description: 'Earlier times, oldest move first.' })
  async reschedules(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<MeetingRescheduleModel[]> {
    return (await meetingLoaders(ctx, this.dataSource).reschedulesByMeetingId.load(m.id)).map(MeetingRescheduleModel.from);
  }

  @ResolveField(() => String, {
    description: 'The meeting as an RFC 5545 iCalendar (.ics) text: stable UID, SEQUENCE, METHOD:CANCEL once cancelled.',
  })
  async icalendar(@Root() m: MeetingModel, @Context() ctx: GraphqlContext): Promise<string> {
    const loaders = meetingLoaders(ctx, this.dataSource);
    const [organiser, users, contacts] = await Promise.all([
      ctx.loaders.userById.load(m.organiserId),
      loaders.usersByMeetingId.load(m.id),
      loaders.contactsByMeetingId.load(m.id),
    ]);
    if (!organiser) throw new Error(`organiser ${m.organiserId} of meeting ${m.id} is missing`);
    return meetingToICalendar(m, organiser, users, contacts);
  }
}
