import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { AuthUser } from '../../common/auth/auth-user';
import { HttpErrorFilter } from '../../common/errors/http-error.filter';
import type { FastifyReply } from 'fastify';
import { casesExport } from './cases-export.query';
import { CsvExportService } from './csv-export.service';
import { InteractionsExportArgs } from './dto/interactions-export.args';
import { RecoveryCasesExportArgs } from './dto/recovery-cases-export.args';
import { StakeholdersExportArgs } from './dto/stakeholders-export.args';
import { interactionsExport } from './interactions-export.query';
import { stakeholdersExport } from './stakeholders-export.query';

/**
 * CSV downloads of the lists, with the lists' filters as query parameters. The global guard
 * checks the Bearer token as for GraphQL; like the lists they export, every signed-in role may
 * read them (no @Roles). Bad filters are 400 with code BAD_USER_INPUT.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class ExportsController {
  constructor(private readonly csv: CsvExportService) {}

  @Get('stakeholders.csv')
  stakeholders(@Query() filters: StakeholdersExportArgs, @Req() request: { user: AuthUser }, @Res() reply: FastifyReply): Promise<void> {
    return this.csv.send(request.user, reply, (manager) => stakeholdersExport(manager, filters));
  }

  @Get('cases.csv')
  cases(@Query() filters: RecoveryCasesExportArgs, @Req() request: { user: AuthUser }, @Res() reply: FastifyReply): Promise<void> {
    return this.csv.send(request.user, reply, (manager) => casesExport(manager, filters));
  }

  @Get('interactions.csv')
  interactions(@Query() filters: InteractionsExportArgs, @Req() request: { user: AuthUser }, @Res() reply: FastifyReply): Promise<void> {
    return this.csv.send(request.user, reply, () => interactionsExport(filters));
  }
}
