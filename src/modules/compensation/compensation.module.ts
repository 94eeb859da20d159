import { Module } from '@nestjs/common';
import { CaseCompensationResolver } from './case-compensation.resolver';
import { CaseLossRatioResolver } from './case-loss-ratio.resolver';
import { ApprovalPolicyService } from './approval-policy.service';
import { CompensationBudgetResolver } from './compensation-budget.resolver';
import { CompensationBudgetService } from './compensation-budget.service';
import { CompensationApprovalsService } from './compensation-approvals.service';
import { CompensationIssueService } from './compensation-issue.service';
import { CompensationLifecycleService } from './compensation-lifecycle.service';
import { CompensationPolicyResolver } from './compensation-policy.resolver';
import { CompensationProposalsService } from './compensation-proposals.service';
import { CompensationQueriesService } from './compensation-queries.service';
import { CompensationReportingResolver } from './compensation-reporting.resolver';
import { CompensationReportingService } from './compensation-reporting.service';
import { CompensationResolver } from './compensation.resolver';
import { EntitlementsService } from './entitlements.service';

@Module({
  providers: [
    ApprovalPolicyService,
    EntitlementsService,
    CompensationProposalsService,
    CompensationApprovalsService,
    CompensationLifecycleService,
    CompensationIssueService,
    CompensationQueriesService,
    CompensationResolver,
    CompensationPolicyResolver,
    CaseCompensationResolver,
    CompensationReportingService,
    CompensationBudgetService,
    CompensationReportingResolver,
    CompensationBudgetResolver,
    CaseLossRatioResolver,
  ],
})
export class CompensationModule {}
