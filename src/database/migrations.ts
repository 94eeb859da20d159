import { Foundation1764086400000 } from '../../migrations/1764086400000-foundation';
import { Compensation1764100000000 } from '../../migrations/1764100000000-compensation';
import { CompensationBudgets1764150000000 } from '../../migrations/1764150000000-compensation-budgets';
import { OutreachMessaging1764200000000 } from '../../migrations/1764200000000-outreach-messaging';
import { Meetings1764300000000 } from '../../migrations/1764300000000-meetings';
import { OutreachCadences1764400000000 } from '../../migrations/1764400000000-outreach-cadences';
import { OutreachSla1764500000000 } from '../../migrations/1764500000000-outreach-sla';
import { OutreachTaskOwnerFromCase1764600000000 } from '../../migrations/1764600000000-outreach-task-owner-from-case';
import { Imports1764800000000 } from '../../migrations/1764800000000-imports';
import { Trust1764700000000 } from '../../migrations/1764700000000-trust';
import { DashboardIndexes1764750000000 } from '../../migrations/1764750000000-dashboard-indexes';
import { ImportSpeed1764950000000 } from '../../migrations/1764950000000-import-speed';
import { OutreachTaskCaseKey1765000000000 } from '../../migrations/1765000000000-outreach-task-case-key';
import { TrustRollups1765100000000 } from '../../migrations/1765100000000-trust-rollups';
import { UserChangeNotices1765200000000 } from '../../migrations/1765200000000-user-change-notices';
import { AuthSessions1766200000000 } from '../../migrations/1766200000000-auth-sessions';
import { RetainedRevenue1766300000000 } from '../../migrations/1766300000000-retained-revenue';
import { AfterTheFact1766400000000 } from '../../migrations/1766400000000-after-the-fact';
import { ImportValidationInWorker1766600000000 } from '../../migrations/1766600000000-import-validation-in-worker';

/** Every migration, oldest first. Add new ones here as well as in `migrations/`. */
export const MIGRATIONS = [
  Foundation1764086400000,
  Compensation1764100000000,
  CompensationBudgets1764150000000,
  OutreachMessaging1764200000000,
  Meetings1764300000000,
  OutreachCadences1764400000000,
  OutreachSla1764500000000,
  OutreachTaskOwnerFromCase1764600000000,
  Imports1764800000000,
  Trust1764700000000,
  DashboardIndexes1764750000000,
  ImportSpeed1764950000000,
  OutreachTaskCaseKey1765000000000,
  TrustRollups1765100000000,
  UserChangeNotices1765200000000,
  AuthSessions1766200000000,
  RetainedRevenue1766300000000,
  AfterTheFact1766400000000,
  ImportValidationInWorker1766600000000,
];
