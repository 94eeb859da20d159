import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LifecycleEventsService } from './lifecycle-events.service';
import { RevenueMonthsService } from './revenue-months.service';
import { SignalsResolver } from './signals.resolver';
import { SurveyResponsesService } from './survey-responses.service';

@Module({
  imports: [AuditModule],
  providers: [SurveyResponsesService, RevenueMonthsService, LifecycleEventsService, SignalsResolver],
})
export class SignalsModule {}
