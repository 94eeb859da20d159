import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { ImportProfile } from './import-profile';
import { ImportKind } from './import.enums';
import { StakeholderImportProfile } from './stakeholder-import.profile';

/** The profile of each kind. REVENUE and SURVEYS get theirs once their tables exist. */
@Injectable()
export class ImportProfiles {
  private readonly byKind: ReadonlyMap<ImportKind, ImportProfile>;

  constructor(stakeholders: StakeholderImportProfile) {
    this.byKind = new Map<ImportKind, ImportProfile>([[ImportKind.STAKEHOLDERS, stakeholders]]);
  }

  of(kind: ImportKind): ImportProfile {
    const profile = this.byKind.get(kind);
    if (!profile) throw AppException.badInput(`${kind} imports are not available yet; only ${[...this.byKind.keys()].join(', ')}`, { fields: ['kind'] });
    return profile;
  }
}
