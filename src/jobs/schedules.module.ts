import { Module } from '@nestjs/common';
import { MaintenanceSchedule } from './maintenance-schedule';

/** Recurring jobs, registered by the API process at start-up. */
@Module({ providers: [MaintenanceSchedule] })
export class SchedulesModule {}
