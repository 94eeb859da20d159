import { Module } from '@nestjs/common';
import { CsvExportService } from './csv-export.service';
import { ExportsController } from './exports.controller';
import { ExportPool } from './export-pool';

@Module({ controllers: [ExportsController], providers: [CsvExportService, ExportPool] })
export class ExportsModule {}
