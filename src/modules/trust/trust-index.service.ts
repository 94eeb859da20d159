import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CaseTrustSnapshotEntity } from './case-trust-snapshot.entity';
import { TrustFactsService } from './trust-facts.service';
import { computeTrustIndex, TrustIndexResult } from './trust-index';
import { formulaSettings, TrustSettingsService } from './trust-settings.service';

/** The live trust index (the TypeScript formula over freshly read signals) and the stored monthly history. */
@Injectable()
export class TrustIndexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: TrustSettingsService,
    private readonly facts: TrustFactsService,
  ) {}

  async forCases(caseIds: readonly string[], asOf: Date): Promise<Map<string, TrustIndexResult>> {
    const settings = formulaSettings(await this.settings.get());
    const facts = await this.facts.load(caseIds, asOf, settings.lookbackMonths);
    return new Map([...facts].map(([id, f]) => [id, computeTrustIndex(f, settings)]));
  }

  async historyOf(caseIds: readonly string[]): Promise<Map<string, CaseTrustSnapshotEntity[]>> {
    const rows = await this.dataSource
      .getRepository(CaseTrustSnapshotEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { caseId: 'ASC', monthIndex: 'ASC' } });
    const groups = new Map<string, CaseTrustSnapshotEntity[]>(caseIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.caseId)?.push(row);
    return groups;
  }
}
