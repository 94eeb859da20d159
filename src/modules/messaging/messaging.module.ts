import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MessageTemplateVersionsResolver } from './message-template-versions.resolver';
import { MessageTemplatesResolver } from './message-templates.resolver';
import { MessageTemplatesService } from './message-templates.service';
import { TemplateRenderingService } from './template-rendering.service';
import { TemplateReviewService } from './template-review.service';

@Module({
  imports: [NotificationsModule],
  providers: [
    MessageTemplatesService,
    TemplateReviewService,
    TemplateRenderingService,
    MessageTemplatesResolver,
    MessageTemplateVersionsResolver,
  ],
  exports: [TemplateRenderingService],
})
export class MessagingModule {}
