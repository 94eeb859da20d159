import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LifecycleEventsService } from './lifecycle-events.service';
import { RevenueMonthsService } from './revenue-months.service';
import { SignalsResolver } from './signals.resolver';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyResponseVoidingService } from './survey-response-voiding.service';

@Module({
  imports: [AuditModule],
  providers: [SurveyResponsesService, SurveyResponseVoidingService, RevenueMonthsService, LifecycleEventsService, SignalsResolver],
})
export class SignalsModule {}
