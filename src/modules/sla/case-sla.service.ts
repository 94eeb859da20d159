import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CASE_SLA_COLUMNS, CASE_SLA_JOINS, CaseSla, CaseSlaRow, toCaseSla } from './case-sla.query';

export type { CaseSla } from './case-sla.query';

/** One statement for any number of cases. */
const CASE_SLA_SQL = `SELECT c.id, ${CASE_SLA_COLUMNS} FROM recovery_cases c ${CASE_SLA_JOINS} WHERE c.id = ANY ($1::uuid[])`;

@Injectable()
export class CaseSlaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCases(caseIds: readonly string[], now: Date): Promise<Map<string, CaseSla>> {
    const rows: (CaseSlaRow & { id: string })[] = await this.dataSource.query(CASE_SLA_SQL, [caseIds]);
    return new Map(rows.map((r) => [r.id, toCaseSla(r, now)]));
  }
}
