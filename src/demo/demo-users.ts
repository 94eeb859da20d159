import { DataSource, EntityManager, In } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { ErrorCode } from '../common/errors/error-code';
import { UserRole } from '../modules/users/user-role.enum';
import { UserEntity } from '../modules/users/user.entity';
import { UsersService } from '../modules/users/users.service';

/** The documented password of every demo user (the admin comes from configuration instead). */
export const DEMO_PASSWORD = 'regain-demo-2026';

export interface DemoUser {
  email: string;
  role: UserRole;
  name: string;
}

/**
 * The demo users, one per working role first (the addresses the README documents), then more
 * agents and partner managers so that cases spread over several owners.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'agent@regain.local', role: UserRole.AGENT, name: 'Sofia Marino' },
  { email: 'partners@regain.local', role: UserRole.PARTNER_MANAGER, name: 'Daniel Okafor' },
  { email: 'comms@regain.local', role: UserRole.COMMS, name: 'Olivia Brennan' },
  { email: 'leadership@regain.local', role: UserRole.LEADERSHIP, name: 'Marcus Lindqvist' },
  { email: 'jonas.weber@regain.local', role: UserRole.AGENT, name: 'Jonas Weber' },
  { email: 'priya.raman@regain.local', role: UserRole.AGENT, name: 'Priya Raman' },
  { email: 'mateo.garcia@regain.local', role: UserRole.AGENT, name: 'Mateo García' },
  { email: 'chloe.martin@regain.local', role: UserRole.AGENT, name: 'Chloé Martin' },
  { email: 'hannah.schmidt@regain.local', role: UserRole.PARTNER_MANAGER, name: 'Hannah Schmidt' },
  { email: 'lucas.bernard@regain.local', role: UserRole.PARTNER_MANAGER, name: 'Lucas Bernard' },
  // A second writer, so that comms@ has a colleague's draft to review (nobody approves their own).
  { email: 'ines.costa@regain.local', role: UserRole.COMMS, name: 'Inês Costa' },
];

/** The ids of the demo users, by role, in DEMO_USERS order. */
export interface DemoStaff {
  agents: string[];
  partnerManagers: string[];
  comms: string;
  /** The other COMMS users, after comms@. */
  otherComms: string[];
  leadership: string;
  /** The first admin (from configuration), who set up cadences and ran the import. */
  admin: string;
}

/**
 * Creates the demo users that do not exist yet. Creating goes through UsersService (argon2id
 * hash, audit entry), one transaction per user, so it happens before the demo data's
 * transaction; a concurrent start that creates the same user first is not an error.
 */
export async function ensureDemoUsers(dataSource: DataSource, users: UsersService): Promise<void> {
  const existing = await findDemoUsers(dataSource.manager);
  // At once: the password hash (argon2id, deliberately slow) runs on the thread pool, so the users cost about one hash each core.
  await Promise.all(
    DEMO_USERS.filter((user) => !existing.has(user.email)).map(async (user) => {
      try {
        await users.create(null, { ...user, password: DEMO_PASSWORD });
      } catch (error) {
        if (!(error instanceof AppException && error.code === ErrorCode.Conflict)) throw error;
      }
    }),
  );
}

/** Resolves the demo users' ids; refuses when an address is missing or taken by a user with another role. */
export async function resolveDemoStaff(manager: EntityManager): Promise<DemoStaff> {
  const found = await findDemoUsers(manager);
  const idOf = (user: DemoUser): string => {
    const row = found.get(user.email);
    if (!row) throw new Error(`Demo user ${user.email} is missing; cannot load the demo data`);
    if (row.role !== user.role) {
      throw new Error(`${user.email} exists with role ${row.role}, not ${user.role}; cannot load the demo data`);
    }
    return row.id;
  };
  const idsOf = (role: UserRole) => DEMO_USERS.filter((u) => u.role === role).map(idOf);
  const admin = await manager.getRepository(UserEntity).findOne({ where: { role: UserRole.ADMIN }, order: { createdAt: 'ASC' } });
  if (!admin) throw new Error('No admin exists; cannot load the demo data');
  return {
    agents: idsOf(UserRole.AGENT),
    partnerManagers: idsOf(UserRole.PARTNER_MANAGER),
    comms: idsOf(UserRole.COMMS)[0],
    otherComms: idsOf(UserRole.COMMS).slice(1),
    leadership: idsOf(UserRole.LEADERSHIP)[0],
    admin: admin.id,
  };
}

async function findDemoUsers(manager: EntityManager): Promise<Map<string, UserEntity>> {
  const rows = await manager.getRepository(UserEntity).findBy({ email: In(DEMO_USERS.map((u) => u.email)) });
  return new Map(rows.map((row) => [row.email, row]));
}
