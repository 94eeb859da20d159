import { Module } from '@nestjs/common';
import { CsvExportService } from './csv-export.service';
import { ExportsController } from './exports.controller';

@Module({ controllers: [ExportsController], providers: [CsvExportService] })
export class ExportsModule {}
