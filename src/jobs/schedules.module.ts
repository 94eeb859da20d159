import { Module } from '@nestjs/common';
import { JobSchedules } from './job-schedules';

/** Recurring jobs, registered by the API process at start-up. */
@Module({ providers: [JobSchedules] })
export class SchedulesModule {}
