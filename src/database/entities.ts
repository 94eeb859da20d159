import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { RecoveryCaseEntity } from '../modules/cases/recovery-case.entity';
import { CrisisPhaseChangeEntity } from '../modules/crises/crisis-phase-change.entity';
import { CrisisEntity } from '../modules/crises/crisis.entity';
import { ContactEntity } from '../modules/stakeholders/contact.entity';
import { StakeholderEntity } from '../modules/stakeholders/stakeholder.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Listed as classes, not globs, so one list serves the compiled app, ts-jest and the CLI. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
  CrisisEntity,
  CrisisPhaseChangeEntity,
  StakeholderEntity,
  ContactEntity,
  RecoveryCaseEntity,
];
