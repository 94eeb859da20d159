import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { MeetingBriefResolver } from './meeting-brief.resolver';
import { MeetingBriefService } from './meeting-brief.service';
import { MeetingInteractionLogger } from './meeting-interaction-logger';
import { MeetingLifecycleService } from './meeting-lifecycle.service';
import { MeetingQueriesService } from './meeting-queries.service';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [CommitmentsModule, InteractionsModule],
  providers: [
    MeetingsService,
    MeetingLifecycleService,
    MeetingQueriesService,
    MeetingInteractionLogger,
    MeetingBriefService,
    MeetingsResolver,
    MeetingBriefResolver,
  ],
})
export class MeetingsModule {}
