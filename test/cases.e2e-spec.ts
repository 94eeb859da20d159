import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasePriority, CaseStatus, ImpactLevel } from '../src/modules/cases/case.enums';
import { canTransition, CASE_STATUS_TRANSITIONS } from '../src/modules/cases/case-status-transitions';
import { RecoveryCaseEntity } from '../src/modules/cases/recovery-case.entity';
import { CrisisPhase } from '../src/modules/crises/crisis.enums';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import {
  CASE_AUDIT_TRAIL,
  CHANGE_CASE_STATUS as CHANGE_STATUS,
  MY_CASES,
  OPEN_CASE as OPEN,
  openCaseInput,
  REASSIGN_CASE as REASSIGN,
  RECOVERY_CASE as CASE,
  RECOVERY_CASES as LIST,
  UPDATE_CASE as UPDATE,
} from './support/case-operations';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const STATUSES = Object.values(CaseStatus);
/** More than a double holds exactly. */
const BEYOND_2_53 = '12345678901234567';
const PRIORITY_ORDER = [CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW];
const EDIT_ROLES = [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN];

describe('recovery cases', () => {
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let pm: SignedIn;
  let otherPm: SignedIn;
  let leader: SignedIn;
  let admin: SignedIn;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    ({ AGENT: agent, PARTNER_MANAGER: pm, LEADERSHIP: leader, ADMIN: admin } = roles);
    otherAgent = await t.signInAs(UserRole.AGENT);
    otherPm = await t.signInAs(UserRole.PARTNER_MANAGER);
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  const stakeholder = (kind = StakeholderKind.CUSTOMER, ownerId: string | null = null) =>
    makeStakeholder(ds, { kind, ownerId });

  async function caseOwnedBy(ownerId: string, overrides: Partial<RecoveryCaseEntity> = {}, kind = StakeholderKind.CUSTOMER) {
    const s = await stakeholder(kind, ownerId);
    return makeCase(ds, { crisisId: overrides.crisisId ?? crisis.id, stakeholderId: s.id, ownerId }, overrides);
  }

  const openInput = (stakeholderId: string, overrides: Record<string, unknown> = {}) =>
    openCaseInput(crisis.id, stakeholderId, overrides);

  const readCase = (id: string) => ds.getRepository(RecoveryCaseEntity).findOneBy({ id });

  async function auditOf(caseId: string) {
    const data = await t.ok(CASE_AUDIT_TRAIL, { id: caseId }, leader.token);
    return data.auditTrail.edges.map((e: { node: Record<string, any> }) => e.node);
  }

  const written = async (caseId?: string) => [
    await t.rowCount('recovery_cases'),
    await t.rowCount('audit_entries'),
    caseId && (await readCase(caseId)),
  ];

  /** Runs a call that must fail with `code` and leave cases, the audit trail and the case itself untouched. */
  async function expectRefused(call: () => Promise<GqlResponse>, code: string, caseId?: string): Promise<GqlResponse> {
    const before = await written(caseId);
    const res = await call();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(await written(caseId)).toEqual(before);
    return res;
  }

  /** expectRefused for one operation called by one user. */
  const refuse = (doc: string, vars: Record<string, unknown>, user: SignedIn, code: string, caseId?: string) =>
    expectRefused(() => t.gql(doc, vars, user.token), code, caseId);

  describe('openCase', () => {
    it('opens a case owned by the opening agent, with exact 64-bit money, and audits it', async () => {
      const s = await stakeholder();
      const data = await t.ok(
        OPEN,
        { input: openInput(s.id, { estimatedLoss: { amountMinor: BEYOND_2_53, currency: 'usd' }, priority: 'URGENT' }) },
        agent.token,
      );
      const opened = data.openCase;
      expect(opened).toMatchObject({
        crisisId: crisis.id,
        stakeholderId: s.id,
        stakeholder: { id: s.id, name: s.name, kind: 'CUSTOMER' },
        impact: 'HIGH',
        status: 'IDENTIFIED',
        priority: 'URGENT',
        estimatedLoss: { amountMinor: BEYOND_2_53, currency: 'USD' },
        allowedNextStatuses: ['CONTACTED', 'CHURNED'],
        owner: { id: agent.id, role: 'AGENT' },
        openedBy: { id: agent.id },
      });
      const entries = await auditOf(opened.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'CASE_OPENED',
        before: null,
        actor: { id: agent.id },
        after: { ownerId: agent.id, status: 'IDENTIFIED', estimatedLoss: { amountMinor: BEYOND_2_53, currency: 'USD' } },
      });
      expect((await t.ok(CASE, { id: opened.id }, roles.COMMS.token)).recoveryCase).toEqual(opened);
    });

    it('defaults priority to NORMAL and accepts a description of exactly 20000 characters', async () => {
      const s = await stakeholder();
      const data = await t.ok(OPEN, { input: openInput(s.id, { description: 'x'.repeat(20000) }) }, agent.token);
      expect(data.openCase.priority).toBe('NORMAL');
      expect(data.openCase.description).toHaveLength(20000);
    });

    it("falls back to the stakeholder's owner when the opener's role does not fit", async () => {
      const customer = await stakeholder(StakeholderKind.CUSTOMER, agent.id);
      const byPm = (await t.ok(OPEN, { input: openInput(customer.id) }, pm.token)).openCase;
      expect(byPm).toMatchObject({ owner: { id: agent.id }, openedBy: { id: pm.id } });

      const partner = await stakeholder(StakeholderKind.PARTNER, pm.id);
      const byAdmin = (await t.ok(OPEN, { input: openInput(partner.id) }, admin.token)).openCase;
      expect(byAdmin).toMatchObject({ owner: { id: pm.id, role: 'PARTNER_MANAGER' }, stakeholder: { kind: 'PARTNER' } });
    });

    it('takes an explicit owner of the right role', async () => {
      const s = await stakeholder();
      const data = await t.ok(OPEN, { input: openInput(s.id, { ownerId: otherAgent.id }) }, agent.token);
      expect(data.openCase.owner.id).toBe(otherAgent.id);
    });

    it('asks for ownerId when neither the opener nor the stakeholder owner qualifies', async () => {
      const unowned = await stakeholder();
      const res = await refuse(OPEN, { input: openInput(unowned.id) }, admin, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/ownerId.*CUSTOMER case is owned by an active AGENT/);

      const gone = await t.signInAs(UserRole.AGENT);
      await t.ok(`mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, { id: gone.id }, admin.token);
      const ownedByGone = await stakeholder(StakeholderKind.CUSTOMER, gone.id);
      await refuse(OPEN, { input: openInput(ownedByGone.id) }, admin, 'BAD_USER_INPUT');
      const explicit = { input: openInput(unowned.id, { ownerId: gone.id }) };
      const explicitGone = await refuse(OPEN, explicit, admin, 'BAD_USER_INPUT');
      expect(explicitGone.errors![0].message).toMatch(/deactivated/);
    });

    it('refuses an owner of the wrong role for the stakeholder kind', async () => {
      const customer = await stakeholder();
      const res = await refuse(OPEN, { input: openInput(customer.id, { ownerId: pm.id }) }, admin, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/PARTNER_MANAGER; a CUSTOMER case is owned by an active AGENT/);
      const partner = await stakeholder(StakeholderKind.PARTNER);
      await refuse(OPEN, { input: openInput(partner.id, { ownerId: agent.id }) }, admin, 'BAD_USER_INPUT');
      // An agent opening a partner case without a partner-manager owner anywhere.
      await refuse(OPEN, { input: openInput(partner.id) }, agent, 'BAD_USER_INPUT');
    });

    it('refuses a closed crisis with CONFLICT', async () => {
      const closed = await makeCrisis(ds, { phase: CrisisPhase.CLOSED });
      const s = await stakeholder();
      const res = await refuse(OPEN, { input: openInput(s.id, { crisisId: closed.id }) }, agent, 'CONFLICT');
      expect(res.errors![0].message).toMatch(/closed/);
    });

    it('refuses a second case for the same stakeholder and crisis, naming the existing case', async () => {
      const s = await stakeholder();
      const first = (await t.ok(OPEN, { input: openInput(s.id) }, agent.token)).openCase;
      const res = await refuse(OPEN, { input: openInput(s.id) }, otherAgent, 'CONFLICT');
      expect(res.errors![0].message).toMatch(/already exists/);
      expect(res.errors![0].extensions!.caseId).toBe(first.id);
    });

    it('gives one case and one CONFLICT for two concurrent opens of the same pair', async () => {
      const s = await stakeholder();
      const auditBefore = await t.rowCount('audit_entries');
      const results = await Promise.all([
        t.gql(OPEN, { input: openInput(s.id) }, agent.token),
        t.gql(OPEN, { input: openInput(s.id, { impact: 'CRITICAL' }) }, otherAgent.token),
      ]);
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost.map(errorCode)).toEqual(['CONFLICT']);
      expect(lost[0].errors![0].extensions!.caseId).toBe(won[0].data!.openCase.id);
      expect(await ds.getRepository(RecoveryCaseEntity).countBy({ crisisId: crisis.id, stakeholderId: s.id })).toBe(1);
      expect(await t.rowCount('audit_entries')).toBe(auditBefore + 1);
    });

    const BAD = 'BAD_USER_INPUT';
    const BAD_OPEN_INPUTS: [string, (s: string) => Record<string, unknown>, string][] = [
      ['a missing impact', (s) => ({ ...openInput(s), impact: undefined }), BAD],
      ['a missing estimatedLoss', (s) => ({ ...openInput(s), estimatedLoss: undefined }), BAD],
      ['a wrong impact enum', (s) => openInput(s, { impact: 'SEVERE' }), BAD],
      ['a wrong priority enum', (s) => openInput(s, { priority: 'ASAP' }), BAD],
      ['a description over 20000 characters', (s) => openInput(s, { description: 'x'.repeat(20001) }), BAD],
      ['negative money', (s) => openInput(s, { estimatedLoss: { amountMinor: '-1', currency: 'EUR' } }), BAD],
      ['non-integer money', (s) => openInput(s, { estimatedLoss: { amountMinor: '1.5', currency: 'EUR' } }), BAD],
      ['an unknown currency', (s) => openInput(s, { estimatedLoss: { amountMinor: '100', currency: 'ABC' } }), BAD],
      ['a non-UUID crisisId', (s) => openInput(s, { crisisId: 'crisis-1' }), BAD],
      ['a non-UUID stakeholderId', () => openInput('12345'), BAD],
      ['a non-UUID ownerId', (s) => openInput(s, { ownerId: 'me' }), BAD],
    ];
    it.each(BAD_OPEN_INPUTS)('refuses %s and writes nothing', async (_, input, code) => {
      const s = await stakeholder();
      await refuse(OPEN, { input: input(s.id) }, agent, code);
    });

    it.each([
      ['crisis', 'Crisis', (s: string, id: string) => openInput(s, { crisisId: id })],
      ['stakeholder', 'Stakeholder', (_: string, id: string) => openInput(id)],
      ['owner', 'User', (s: string, id: string) => openInput(s, { ownerId: id })],
    ])('refuses an unknown %s id with NOT_FOUND naming it', async (_, record, input) => {
      const s = await stakeholder();
      const unknown = randomUUID();
      const res = await refuse(OPEN, { input: input(s.id, unknown) }, agent, 'NOT_FOUND');
      expect(res.errors![0].message).toBe(`${record} ${unknown} does not exist`);
    });
  });

  describe('updateCase', () => {
    it('lets the owner edit impact, priority, description and loss (with its currency), auditing the loss', async () => {
      const c = await caseOwnedBy(agent.id);
      const input = {
        impact: 'CRITICAL',
        priority: 'URGENT',
        description: 'Stock loss confirmed by their insurer.',
        estimatedLoss: { amountMinor: '9000000000000', currency: 'GBP' },
      };
      const updated = (await t.ok(UPDATE, { id: c.id, input }, agent.token)).updateCase;
      expect(updated).toMatchObject({ ...input, status: 'IDENTIFIED', owner: { id: agent.id } });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(c.updatedAt.getTime());
      expect(await auditOf(c.id)).toEqual([
        {
          action: 'CASE_LOSS_CHANGED',
          actor: { id: agent.id },
          before: { estimatedLoss: { amountMinor: '350000', currency: 'EUR' } },
          after: { estimatedLoss: { amountMinor: '9000000000000', currency: 'GBP' } },
        },
      ]);
    });

    it('writes no audit entry when the loss does not change', async () => {
      const c = await caseOwnedBy(agent.id);
      const input = { priority: 'LOW', estimatedLoss: { amountMinor: '350000', currency: 'EUR' } };
      expect((await t.ok(UPDATE, { id: c.id, input }, agent.token)).updateCase.priority).toBe('LOW');
      expect(await auditOf(c.id)).toEqual([]);
    });

    it("lets an admin edit anyone's case but not an agent or partner manager who does not own it", async () => {
      const c = await caseOwnedBy(agent.id);
      await refuse(UPDATE, { id: c.id, input: { priority: 'URGENT' } }, otherAgent, 'FORBIDDEN', c.id);
      const partnerCase = await caseOwnedBy(pm.id, {}, StakeholderKind.PARTNER);
      await refuse(UPDATE, { id: partnerCase.id, input: { impact: 'LOW' } }, otherPm, 'FORBIDDEN', partnerCase.id);
      const byAdmin = await t.ok(UPDATE, { id: c.id, input: { priority: 'URGENT' } }, admin.token);
      expect(byAdmin.updateCase.priority).toBe('URGENT');
    });

    it.each([
      ['an empty input', {}],
      ['negative money', { estimatedLoss: { amountMinor: '-1', currency: 'EUR' } }],
      ['non-integer money', { estimatedLoss: { amountMinor: '1.5', currency: 'EUR' } }],
      ['an unknown currency', { estimatedLoss: { amountMinor: '1', currency: 'ABC' } }],
      ['money without a currency', { estimatedLoss: { amountMinor: '1' } }],
      ['a description over 20000 characters', { description: 'x'.repeat(20001) }],
      ['a wrong impact enum', { impact: 'HUGE' }],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_, input) => {
      const c = await caseOwnedBy(agent.id);
      await refuse(UPDATE, { id: c.id, input }, agent, 'BAD_USER_INPUT', c.id);
    });

    it('refuses an unknown id with NOT_FOUND and a non-UUID id with BAD_USER_INPUT', async () => {
      const unknown = randomUUID();
      const res = await refuse(UPDATE, { id: unknown, input: { impact: 'LOW' } }, admin, 'NOT_FOUND');
      expect(res.errors![0].message).toContain(unknown);
      await refuse(UPDATE, { id: 'case-1', input: { impact: 'LOW' } }, admin, 'BAD_USER_INPUT');
    });
  });

  describe('changeCaseStatus', () => {
    const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

    it.each(PAIRS.filter(([from, to]) => canTransition(from, to)))('moves %s -> %s and audits it', async (from, to) => {
      const c = await caseOwnedBy(agent.id, { status: from, statusChangedAt: new Date('2026-11-03T08:00:00Z') });
      const changed = (await t.ok(CHANGE_STATUS, { id: c.id, status: to, note: `Now ${to}` }, agent.token)).changeCaseStatus;
      expect(changed.status).toBe(to);
      expect(changed.allowedNextStatuses).toEqual(CASE_STATUS_TRANSITIONS[to]);
      expect(new Date(changed.statusChangedAt).getTime()).toBeGreaterThan(c.statusChangedAt.getTime());
      expect((await readCase(c.id))!.status).toBe(to);
      expect(await auditOf(c.id)).toEqual([
        {
          action: 'CASE_STATUS_CHANGED',
          actor: { id: agent.id },
          before: { status: from },
          // When it happened: now, as no changedAt was given.
          after: { status: to, note: `Now ${to}`, changedAt: changed.statusChangedAt },
        },
      ]);
    });

    it.each(PAIRS.filter(([from, to]) => !canTransition(from, to)))('refuses %s -> %s with CONFLICT', async (from, to) => {
      const c = await caseOwnedBy(agent.id, { status: from });
      const res = await refuse(CHANGE_STATUS, { id: c.id, status: to }, agent, 'CONFLICT', c.id);
      expect(res.errors![0].extensions!.allowedNextStatuses).toEqual(CASE_STATUS_TRANSITIONS[from]);
      for (const next of CASE_STATUS_TRANSITIONS[from]) expect(res.errors![0].message).toContain(next);
    });

    it('lets exactly one of ten concurrent IDENTIFIED -> CONTACTED changes win', async () => {
      const c = await caseOwnedBy(agent.id);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.gql(CHANGE_STATUS, { id: c.id, status: 'CONTACTED' }, agent.token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(9).fill('CONFLICT'));
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = 'CASE_STATUS_CHANGED'`,
        [c.id],
      );
      expect(n).toBe(1);
    });

    it('refuses someone else’s case, bad enums, long notes and unknown ids', async () => {
      const c = await caseOwnedBy(agent.id);
      await refuse(CHANGE_STATUS, { id: c.id, status: 'CONTACTED' }, otherAgent, 'FORBIDDEN', c.id);
      await refuse(CHANGE_STATUS, { id: c.id, status: 'SOLVED' }, agent, 'BAD_USER_INPUT', c.id);
      const longNote = { id: c.id, status: 'CONTACTED', note: 'n'.repeat(2001) };
      await refuse(CHANGE_STATUS, longNote, agent, 'BAD_USER_INPUT', c.id);
      await refuse(CHANGE_STATUS, { id: randomUUID(), status: 'CONTACTED' }, admin, 'NOT_FOUND');
      await refuse(CHANGE_STATUS, { id: '42', status: 'CONTACTED' }, admin, 'BAD_USER_INPUT');
    });
  });

  describe('reassignCase', () => {
    it('moves ownership, audits it, and hands editing rights to the new owner', async () => {
      const c = await caseOwnedBy(agent.id);
      const res = await t.ok(REASSIGN, { id: c.id, ownerId: otherAgent.id, reason: 'Agent on leave' }, leader.token);
      expect(res.reassignCase.owner.id).toBe(otherAgent.id);
      expect(await auditOf(c.id)).toEqual([
        {
          action: 'CASE_REASSIGNED',
          actor: { id: leader.id },
          before: { ownerId: agent.id },
          after: { ownerId: otherAgent.id, reason: 'Agent on leave' },
        },
      ]);
      await refuse(UPDATE, { id: c.id, input: { impact: 'LOW' } }, agent, 'FORBIDDEN', c.id);
      expect((await t.ok(UPDATE, { id: c.id, input: { impact: 'LOW' } }, otherAgent.token)).updateCase.impact).toBe('LOW');
    });

    it('reassigns a partner case between partner managers and ignores a reassignment to the current owner', async () => {
      const c = await caseOwnedBy(pm.id, {}, StakeholderKind.PARTNER);
      expect((await t.ok(REASSIGN, { id: c.id, ownerId: otherPm.id }, admin.token)).reassignCase.owner.id).toBe(otherPm.id);
      const auditCount = await t.rowCount('audit_entries');
      expect((await t.ok(REASSIGN, { id: c.id, ownerId: otherPm.id }, admin.token)).reassignCase.owner.id).toBe(otherPm.id);
      expect(await t.rowCount('audit_entries')).toBe(auditCount);
    });

    it('refuses owners of the wrong role, deactivated or unknown owners, and bad ids', async () => {
      const customerCase = await caseOwnedBy(agent.id);
      const partnerCase = await caseOwnedBy(pm.id, {}, StakeholderKind.PARTNER);
      const customer = (ownerId: string) => ({ id: customerCase.id, ownerId });
      const wrongRole = await refuse(REASSIGN, customer(pm.id), leader, 'BAD_USER_INPUT', customerCase.id);
      expect(wrongRole.errors![0].message).toMatch(/CUSTOMER case is owned by an active AGENT/);
      await refuse(REASSIGN, { id: partnerCase.id, ownerId: agent.id }, leader, 'BAD_USER_INPUT', partnerCase.id);
      await refuse(REASSIGN, customer(leader.id), leader, 'BAD_USER_INPUT', customerCase.id);

      const gone = await t.signInAs(UserRole.AGENT);
      await t.ok(`mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, { id: gone.id }, admin.token);
      await refuse(REASSIGN, customer(gone.id), leader, 'BAD_USER_INPUT', customerCase.id);
      await refuse(REASSIGN, customer(randomUUID()), leader, 'NOT_FOUND', customerCase.id);
      await refuse(REASSIGN, { id: randomUUID(), ownerId: otherAgent.id }, leader, 'NOT_FOUND');
      await refuse(REASSIGN, customer('x'), leader, 'BAD_USER_INPUT', customerCase.id);
    });
  });

  describe('role matrix', () => {
    const MAY: Record<string, UserRole[]> = {
      openCase: EDIT_ROLES,
      updateCase: EDIT_ROLES,
      changeCaseStatus: EDIT_ROLES,
      reassignCase: [UserRole.LEADERSHIP, UserRole.ADMIN],
    };

    /** A case the caller would own if their role can own one, so that only the role decides. */
    const caseFor = (role: UserRole) =>
      role === UserRole.PARTNER_MANAGER
        ? caseOwnedBy(pm.id, {}, StakeholderKind.PARTNER)
        : caseOwnedBy(role === UserRole.AGENT ? agent.id : otherAgent.id);

    const PREPARE: Record<string, (user: SignedIn) => Promise<() => Promise<GqlResponse>>> = {
      openCase: async (user) => {
        const s = await stakeholder(StakeholderKind.CUSTOMER, agent.id);
        return () => t.gql(OPEN, { input: openInput(s.id) }, user.token);
      },
      updateCase: async (user) => {
        const c = await caseFor(user.role);
        const input = { estimatedLoss: { amountMinor: '1', currency: 'EUR' } };
        return () => t.gql(UPDATE, { id: c.id, input }, user.token);
      },
      changeCaseStatus: async (user) => {
        const c = await caseFor(user.role);
        return () => t.gql(CHANGE_STATUS, { id: c.id, status: 'CONTACTED' }, user.token);
      },
      reassignCase: async (user) => {
        const c = await caseOwnedBy(agent.id);
        return () => t.gql(REASSIGN, { id: c.id, ownerId: otherAgent.id }, user.token);
      },
    };

    it.each(Object.keys(MAY).flatMap((m) => Object.values(UserRole).map((role) => [m, role] as const)))(
      '%s as %s',
      async (mutation, role) => {
        const call = await PREPARE[mutation](roles[role]);
        if (MAY[mutation].includes(role)) {
          const res = await call();
          expect(res.errors).toBeUndefined();
          expect(res.data![mutation].id).toBeDefined();
        } else {
          await expectRefused(call, 'FORBIDDEN');
        }
      },
    );
  });

  describe('lists', () => {
    let listCrisis: CrisisEntity;
    let lister: SignedIn;
    let rows: {
      id: string;
      priority: CasePriority;
      createdAt: Date;
      status: CaseStatus;
      impact: ImpactLevel;
      ownerId: string;
      kind: StakeholderKind;
    }[];

    const sortCases = <T extends { id: string; priority: CasePriority; createdAt: Date }>(list: T[]) =>
      [...list].sort(
        (a, b) =>
          PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      );
    const ids = (data: Record<string, any>) => data.recoveryCases.edges.map((e: { node: { id: string } }) => e.node.id);
    const list = async (vars: Record<string, unknown>) =>
      t.ok(LIST, { first: 100, crisisId: listCrisis.id, ...vars }, roles.COMMS.token);
    const expected = (keep: (r: (typeof rows)[number]) => boolean) => sortCases(rows.filter(keep)).map((r) => r.id);

    beforeAll(async () => {
      listCrisis = await makeCrisis(ds);
      lister = await t.signInAs(UserRole.AGENT);
      const at = (minutes: number) => new Date(Date.parse('2026-11-05T10:00:00Z') + minutes * 60_000);
      const specs: [string, StakeholderKind, CasePriority, CaseStatus, ImpactLevel, number][] = [
        [lister.id, StakeholderKind.CUSTOMER, CasePriority.LOW, CaseStatus.IDENTIFIED, ImpactLevel.LOW, 0],
        [lister.id, StakeholderKind.CUSTOMER, CasePriority.URGENT, CaseStatus.CONTACTED, ImpactLevel.CRITICAL, 5],
        [pm.id, StakeholderKind.PARTNER, CasePriority.URGENT, CaseStatus.IDENTIFIED, ImpactLevel.HIGH, 1],
        [lister.id, StakeholderKind.CUSTOMER, CasePriority.NORMAL, CaseStatus.RECOVERING, ImpactLevel.MEDIUM, 2],
        [pm.id, StakeholderKind.PARTNER, CasePriority.HIGH, CaseStatus.CHURNED, ImpactLevel.CRITICAL, 3],
        [otherAgent.id, StakeholderKind.CUSTOMER, CasePriority.HIGH, CaseStatus.IDENTIFIED, ImpactLevel.LOW, 3],
        [otherAgent.id, StakeholderKind.CUSTOMER, CasePriority.HIGH, CaseStatus.IDENTIFIED, ImpactLevel.LOW, 3],
        [lister.id, StakeholderKind.CUSTOMER, CasePriority.HIGH, CaseStatus.RECOVERED, ImpactLevel.HIGH, 4],
      ];
      rows = [];
      for (const [ownerId, kind, priority, status, impact, minutes] of specs) {
        const fields = { crisisId: listCrisis.id, priority, status, impact, createdAt: at(minutes) };
        const c = await caseOwnedBy(ownerId, fields, kind);
        rows.push({ id: c.id, priority, createdAt: at(minutes), status, impact, ownerId, kind });
      }
    });

    it('lists a crisis’s cases by priority, then creation time, then id, with their relations', async () => {
      const data = await list({});
      expect(ids(data)).toEqual(expected(() => true));
      expect(data.recoveryCases.totalCount).toBe(rows.length);
      const first = data.recoveryCases.edges[0].node;
      expect(first.priority).toBe('URGENT');
      expect(first.owner.id).toBe(pm.id);
      expect(first.stakeholder.kind).toBe('PARTNER');
      expect(first.stakeholder.name).toMatch(/\w+ \w+ \d+/);
    });

    it('filters by status, impact, owner and stakeholder kind, alone and together', async () => {
      expect(ids(await list({ status: ['IDENTIFIED', 'CHURNED'] }))).toEqual(
        expected((r) => [CaseStatus.IDENTIFIED, CaseStatus.CHURNED].includes(r.status)),
      );
      expect(ids(await list({ impact: ['CRITICAL'] }))).toEqual(expected((r) => r.impact === ImpactLevel.CRITICAL));
      expect(ids(await list({ ownerId: pm.id }))).toEqual(expected((r) => r.ownerId === pm.id));
      expect(ids(await list({ stakeholderKind: 'PARTNER' }))).toEqual(expected((r) => r.kind === StakeholderKind.PARTNER));
      expect(ids(await list({ stakeholderKind: 'CUSTOMER' }))).toEqual(expected((r) => r.kind === StakeholderKind.CUSTOMER));
      expect(ids(await list({ stakeholderKind: 'CUSTOMER', status: ['IDENTIFIED'], impact: ['LOW', 'MEDIUM'] }))).toEqual(
        expected(
          (r) =>
            r.kind === StakeholderKind.CUSTOMER &&
            r.status === CaseStatus.IDENTIFIED &&
            [ImpactLevel.LOW, ImpactLevel.MEDIUM].includes(r.impact),
        ),
      );
      expect((await list({ status: [] })).recoveryCases.totalCount).toBe(0);
      const everywhere = await t.ok(LIST, { first: 100, ownerId: lister.id }, agent.token);
      expect(ids(everywhere)).toEqual(expected((r) => r.ownerId === lister.id));
    });

    it('walks the pages with cursors', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const data: Record<string, any> = await list({ first: 3, after });
        seen.push(...ids(data));
        expect(data.recoveryCases.totalCount).toBe(rows.length);
        if (!data.recoveryCases.pageInfo.hasNextPage) break;
        after = data.recoveryCases.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected(() => true));
      expect(errorCode(await t.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { first: 101 }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { status: ['OPEN'] }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { crisisId: 'nope' }, agent.token))).toBe('BAD_USER_INPUT');
    });

    it('gives an agent their own cases, most urgent first, across crises', async () => {
      const elsewhere = await caseOwnedBy(lister.id, {
        priority: CasePriority.URGENT,
        createdAt: new Date('2026-11-04T00:00:00Z'),
      });
      const mine = [...rows.filter((r) => r.ownerId === lister.id), { ...elsewhere, kind: StakeholderKind.CUSTOMER }];
      const data = await t.ok(MY_CASES, {}, lister.token);
      expect(data.myCases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(sortCases(mine).map((r) => r.id));
      expect(data.myCases.edges.map((e: { node: { priority: string } }) => e.node.priority)).toEqual([
        'URGENT',
        'URGENT',
        'HIGH',
        'NORMAL',
        'LOW',
      ]);
      const recovered = await t.ok(MY_CASES, { status: ['RECOVERED', 'RECOVERING'] }, lister.token);
      expect(recovered.myCases.totalCount).toBe(2);
      const theirs = await t.ok(MY_CASES, {}, otherPm.token);
      expect(theirs.myCases.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(elsewhere.id);
    });

    it('refuses an unknown or malformed case id', async () => {
      expect(errorCode(await t.gql(CASE, { id: randomUUID() }, agent.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(CASE, { id: 'abc' }, agent.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(CASE, { id: rows[0].id }))).toBe('UNAUTHENTICATED');
    });
  });

  it('costs as many SQL statements for 100 cases with owner, opener, stakeholder and crisis as for 10', async () => {
    const big = await makeCrisis(ds);
    const owners = [agent.id, otherAgent.id];
    const openers = [agent.id, pm.id, leader.id, otherPm.id];
    for (let i = 0; i < 100; i += 1) {
      const ownerId = owners[i % 2];
      const s = await stakeholder(StakeholderKind.CUSTOMER, ownerId);
      await makeCase(ds, { crisisId: big.id, stakeholderId: s.id, ownerId }, { openedById: openers[i % openers.length] });
    }
    const statementsFor = (first: number) =>
      t.countQueries(async () => {
        const data = await t.ok(LIST, { first, crisisId: big.id }, leader.token);
        expect(data.recoveryCases.edges).toHaveLength(first);
        const nodes: Record<string, any>[] = data.recoveryCases.edges.map((e: { node: unknown }) => e.node);
        expect(nodes.every((n) => n.owner && n.openedBy && n.stakeholder.name && n.crisis.title)).toBe(true);
        expect(owners).toContain(data.recoveryCases.edges[0].node.owner.id);
      });
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    // Sign-in check, count, page, users, stakeholders, crises.
    expect(hundred).toBeLessThanOrEqual(6);
  });
});
