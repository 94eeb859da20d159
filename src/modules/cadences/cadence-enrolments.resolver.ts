import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { IdArgs } from '../../common/graphql/id.args';
import { UserRole } from '../users/user-role.enum';
import { CadenceEnrolmentModel } from './cadence-enrolment.model';
import { CadenceEnrolmentService } from './cadence-enrolment.service';
import { CaseIdArgs } from './dto/case-id.args';
import { EnrolCaseArgs } from './dto/enrol-case.args';
import { ReasonArgs } from './dto/reason.args';

const CASE_WORKERS = [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN];

@Resolver(() => CadenceEnrolmentModel)
export class CadenceEnrolmentsResolver {
  constructor(private readonly enrolments: CadenceEnrolmentService) {}

  @Query(() => CadenceEnrolmentModel, { nullable: true, description: "The case's live enrolment, else its latest one." })
  caseEnrolment(@Args() { caseId }: CaseIdArgs): Promise<CadenceEnrolmentModel | null> {
    return this.enrolments.liveOrLatest(caseId);
  }

  @Mutation(() => CadenceEnrolmentModel, { description: 'Case owner or admin. Without cadenceId the matrix picks the cadence.' })
  @Roles(...CASE_WORKERS)
  enrolCase(@CurrentUser() actor: AuthUser, @Args() { caseId, cadenceId }: EnrolCaseArgs): Promise<CadenceEnrolmentModel> {
    return this.enrolments.enrol(actor, caseId, cadenceId ?? null);
  }

  @Mutation(() => CadenceEnrolmentModel)
  @Roles(...CASE_WORKERS)
  pauseEnrolment(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<CadenceEnrolmentModel> {
    return this.enrolments.pause(actor, id);
  }

  @Mutation(() => CadenceEnrolmentModel, { description: 'Open tasks move by the time spent paused, within business hours and the fatigue limit.' })
  @Roles(...CASE_WORKERS)
  resumeEnrolment(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<CadenceEnrolmentModel> {
    return this.enrolments.resume(actor, id);
  }

  @Mutation(() => CadenceEnrolmentModel, { description: 'Open tasks are CANCELLED.' })
  @Roles(...CASE_WORKERS)
  stopEnrolment(@CurrentUser() actor: AuthUser, @Args() { id, reason }: ReasonArgs): Promise<CadenceEnrolmentModel> {
    return this.enrolments.stop(actor, id, reason);
  }
}
