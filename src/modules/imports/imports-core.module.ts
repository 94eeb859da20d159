import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CadencesModule } from '../cadences/cadences.module';
import { ImportPipeline } from './import-pipeline';
import { ImportProfiles } from './import-profiles';
import { ImportRunner } from './import-runner.service';
import { ImportStageCleanupService } from './import-stage-cleanup.service';
import { ImportValidator } from './import-validator.service';
import { RevenueImportProfile } from './revenue-import.profile';
import { StakeholderImportProfile } from './stakeholder-import.profile';
import { SurveyImportProfile } from './survey-import.profile';

/** The pipeline and the profiles, for the worker (dry runs and runs); the API enqueues them. */
@Module({
  imports: [AuditModule, CadencesModule],
  providers: [ImportPipeline, ImportProfiles, StakeholderImportProfile, RevenueImportProfile, SurveyImportProfile, ImportRunner, ImportStageCleanupService, ImportValidator],
  exports: [ImportPipeline, ImportProfiles, ImportRunner, ImportStageCleanupService, ImportValidator],
})
export class ImportsCoreModule {}
