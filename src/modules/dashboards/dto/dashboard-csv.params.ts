import { IsIn, IsUUID } from 'class-validator';
import { DashboardCsvSection } from '../dashboard-csv';

export const CSV_FILES = Object.values(DashboardCsvSection).map((s) => `${s}.csv`);

export class DashboardCsvParams {
  @IsUUID('all', { message: 'crisisId must be a UUID' })
  crisisId: string;

  @IsIn(CSV_FILES, { message: `the file must be one of ${CSV_FILES.join(', ')}` })
  file: string;
}
