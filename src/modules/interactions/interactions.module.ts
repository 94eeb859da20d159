import { Module } from '@nestjs/common';
import { CaseTimelineResolver } from './case-timeline.resolver';
import { CaseTimelineService } from './case-timeline.service';
import { InteractionsResolver } from './interactions.resolver';
import { InteractionsService } from './interactions.service';
import { InteractionVoidingService } from './interaction-voiding.service';

@Module({
  providers: [InteractionsService, InteractionVoidingService, InteractionsResolver, CaseTimelineService, CaseTimelineResolver],
  exports: [InteractionsService],
})
export class InteractionsModule {}
