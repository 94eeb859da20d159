import { Global, Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { CadenceBulkEnrolmentService } from './cadence-bulk-enrolment.service';
import { CadenceEnrolmentService } from './cadence-enrolment.service';
import { CadenceEnrolmentsResolver } from './cadence-enrolments.resolver';
import { CadencesResolver } from './cadences.resolver';
import { CadencesService } from './cadences.service';
import { MyDayService } from './my-day.service';
import { OutreachTasksResolver } from './outreach-tasks.resolver';
import { OutreachTasksService } from './outreach-tasks.service';

/**
 * Global so that cases, stakeholders and interactions can call the enrolment hooks inside
 * their own transactions without importing this module (which would make a cycle).
 */
@Global()
@Module({
  imports: [CommitmentsModule],
  providers: [
    CadencesService,
    CadenceEnrolmentService,
    CadenceBulkEnrolmentService,
    OutreachTasksService,
    MyDayService,
    CadencesResolver,
    CadenceEnrolmentsResolver,
    OutreachTasksResolver,
  ],
  exports: [CadenceEnrolmentService, CadenceBulkEnrolmentService, OutreachTasksService],
})
export class CadencesModule {}
