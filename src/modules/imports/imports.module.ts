import { Module } from '@nestjs/common';
import { ImportsCoreModule } from './imports-core.module';
import { ImportsHttpRoutes } from './imports-http.routes';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

/** CSV imports: the upload and rejected-rows routes, the GraphQL API; runs happen in the worker. */
@Module({
  imports: [ImportsCoreModule],
  providers: [ImportsService, ImportsResolver, ImportsHttpRoutes],
  exports: [ImportsService],
})
export class ImportsModule {}
