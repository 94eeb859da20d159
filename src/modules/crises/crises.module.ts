import { Module } from '@nestjs/common';
import { CrisesResolver } from './crises.resolver';
import { CrisesService } from './crises.service';
import { CrisisPhaseChangeResolver } from './crisis-phase-change.resolver';

@Module({ providers: [CrisesService, CrisesResolver, CrisisPhaseChangeResolver], exports: [CrisesService] })
export class CrisesModule {}
