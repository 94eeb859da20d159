import { Module } from '@nestjs/common';
import { CaseSlaResolver } from './case-sla.resolver';
import { CaseSlaService } from './case-sla.service';
import { EscalationsResolver } from './escalations.resolver';
import { EscalationsService } from './escalations.service';
import { QueueDashboard } from './queue-dashboard';
import { SlaSettingsResolver } from './sla-settings.resolver';
import { SlaSettingsService } from './sla-settings.service';
import { SlaSweepService } from './sla-sweep.service';

/** SLA clocks on cases, escalations and their settings (API); the sweep itself runs in the worker. */
@Module({
  providers: [
    SlaSettingsService,
    SlaSettingsResolver,
    CaseSlaService,
    CaseSlaResolver,
    EscalationsService,
    EscalationsResolver,
    SlaSweepService,
    QueueDashboard,
  ],
  exports: [SlaSweepService],
})
export class SlaModule {}
