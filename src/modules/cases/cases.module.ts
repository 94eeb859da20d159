import { Module } from '@nestjs/common';
import { CaseQueriesService } from './case-queries.service';
import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';

@Module({ providers: [CasesService, CaseQueriesService, CasesResolver], exports: [CasesService, CaseQueriesService] })
export class CasesModule {}
