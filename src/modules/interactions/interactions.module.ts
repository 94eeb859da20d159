import { Module } from '@nestjs/common';
import { CaseTimelineResolver } from './case-timeline.resolver';
import { CaseTimelineService } from './case-timeline.service';
import { InteractionsResolver } from './interactions.resolver';
import { InteractionsService } from './interactions.service';

@Module({
  providers: [InteractionsService, InteractionsResolver, CaseTimelineService, CaseTimelineResolver],
  exports: [InteractionsService],
})
export class InteractionsModule {}
