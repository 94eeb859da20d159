import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { ImportProfile } from './import-profile';
import { ImportKind } from './import.enums';
import { RevenueImportProfile } from './revenue-import.profile';
import { StakeholderImportProfile } from './stakeholder-import.profile';
import { SurveyImportProfile } from './survey-import.profile';

/** The profile of each kind. */
@Injectable()
export class ImportProfiles {
  private readonly byKind: ReadonlyMap<ImportKind, ImportProfile>;

  constructor(stakeholders: StakeholderImportProfile, revenue: RevenueImportProfile, surveys: SurveyImportProfile) {
    this.byKind = new Map<ImportKind, ImportProfile>([
      [ImportKind.STAKEHOLDERS, stakeholders],
      [ImportKind.REVENUE, revenue],
      [ImportKind.SURVEYS, surveys],
    ]);
  }

  of(kind: ImportKind): ImportProfile {
    const profile = this.byKind.get(kind);
    if (!profile) throw AppException.badInput(`${kind} imports are not available yet; only ${[...this.byKind.keys()].join(', ')}`, { fields: ['kind'] });
    return profile;
  }
}
