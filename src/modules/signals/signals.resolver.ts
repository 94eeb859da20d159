import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { VoidArgs } from '../../common/graphql/void.args';
import { LifecycleEventInput } from './dto/lifecycle-event.input';
import { RecordLifecycleEventsArgs } from './dto/record-lifecycle-events.args';
import { RecordRevenueMonthsArgs } from './dto/record-revenue-months.args';
import { RecordSurveyResponsesArgs } from './dto/record-survey-responses.args';
import { RevenueMonthInput } from './dto/revenue-month.input';
import { SurveyResponseInput } from './dto/survey-response.input';
import { LifecycleEventModel } from './lifecycle-event.model';
import { LifecycleEventsService } from './lifecycle-events.service';
import { RevenueMonthModel } from './revenue-month.model';
import { RevenueMonthsService } from './revenue-months.service';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { SIGNAL_RECORDER_ROLES } from './signal-rules';
import { SurveyResponseModel } from './survey-response.model';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyResponseVoidingService } from './survey-response-voiding.service';

/** Agents and partner managers on their own cases and stakeholders; leadership and admins on any. */
@Resolver()
@Roles(...SIGNAL_RECORDER_ROLES)
export class SignalsResolver {
  constructor(
    private readonly surveys: SurveyResponsesService,
    private readonly revenue: RevenueMonthsService,
    private readonly events: LifecycleEventsService,
    private readonly voiding: SurveyResponseVoidingService,
  ) {}

  @Mutation(() => SurveyResponseModel, {
    description:
      'Voids a survey answer recorded by mistake (on the wrong case, say), with a reason: whoever may record answers on its case, or who recorded it. It is kept and audited, and left out of every figure; record it again on the right case. Voiding twice is a CONFLICT.',
  })
  async voidSurveyResponse(@CurrentUser() actor: AuthUser, @Args() { id, reason }: VoidArgs): Promise<SurveyResponseModel> {
    return SurveyResponseModel.from(await this.voiding.void(actor, id, reason));
  }

  @Mutation(() => SurveyResponseModel, { description: 'Recording the same response again (same case, contact, kind and time) returns it unchanged.' })
  async recordSurveyResponse(@CurrentUser() actor: AuthUser, @Args('input') input: SurveyResponseInput): Promise<SurveyResponseModel> {
    return SurveyResponseModel.from(await this.surveys.recordOne(actor, input));
  }

  @Mutation(() => SignalBatchResultModel, { description: 'Many survey responses in one call, checked row by row.' })
  recordSurveyResponses(@CurrentUser() actor: AuthUser, @Args() { rows, acceptPartial }: RecordSurveyResponsesArgs): Promise<SignalBatchResultModel> {
    return this.surveys.record(actor, rows, acceptPartial);
  }

  @Mutation(() => RevenueMonthModel, { description: 'Recording a month again replaces its amount (audited, before and after).' })
  async recordRevenueMonth(@CurrentUser() actor: AuthUser, @Args('input') input: RevenueMonthInput): Promise<RevenueMonthModel> {
    return RevenueMonthModel.from(await this.revenue.recordOne(actor, input));
  }

  @Mutation(() => SignalBatchResultModel, { description: 'Many revenue months in one call, checked row by row.' })
  recordRevenueMonths(@CurrentUser() actor: AuthUser, @Args() { rows, acceptPartial }: RecordRevenueMonthsArgs): Promise<SignalBatchResultModel> {
    return this.revenue.record(actor, rows, acceptPartial);
  }

  @Mutation(() => LifecycleEventModel, { description: 'A CHURNED event on a case moves the case to CHURNED (audited).' })
  async recordLifecycleEvent(@CurrentUser() actor: AuthUser, @Args('input') input: LifecycleEventInput): Promise<LifecycleEventModel> {
    return LifecycleEventModel.from(await this.events.recordOne(actor, input));
  }

  @Mutation(() => SignalBatchResultModel, { description: 'Many churn and renewal events in one call, checked row by row.' })
  recordLifecycleEvents(@CurrentUser() actor: AuthUser, @Args() { rows, acceptPartial }: RecordLifecycleEventsArgs): Promise<SignalBatchResultModel> {
    return this.events.record(actor, rows, acceptPartial);
  }
}
