import { CRISIS_PHASE_TRANSITIONS } from '../src/modules/crises/crisis-phase-transitions';
import { CrisisPhase, CrisisSeverity } from '../src/modules/crises/crisis.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCrisis } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';

const CRISIS_FIELDS = `id title description category severity phase startedAt detectedAt firstStatementAt
  allowedNextPhases lead { id } spokesperson { id } phaseHistory { fromPhase toPhase note changedBy { id } }`;
const CREATE = `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { ${CRISIS_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCrisisInput!) { updateCrisis(id: $id, input: $input) { ${CRISIS_FIELDS} } }`;
const CHANGE_PHASE = `mutation ($id: ID!, $phase: CrisisPhase!, $note: String) {
  changeCrisisPhase(id: $id, phase: $phase, note: $note) { id phase phaseHistory { fromPhase toPhase note } } }`;
const LIST = `query ($first: Int, $after: String, $phase: [CrisisPhase!], $severity: [CrisisSeverity!],
  $category: [CrisisCategory!], $search: String) {
  crises(first: $first, after: $after, phase: $phase, severity: $severity, category: $category, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title severity phase } } } }`;
const TRAIL = `query ($id: ID!) { auditTrail(record: CRISIS, recordId: $id) { edges { node { action before after actor { id } } } } }`;

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Battery swelling in Volt 3 e-bikes',
    description: 'Batteries swell after fast charging; two fires reported.',
    category: 'PRODUCT_QUALITY',
    severity: 'CRITICAL',
    startedAt: '2026-11-20T04:00:00.000Z',
    detectedAt: '2026-11-20T07:15:00.000Z',
    firstStatementAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe('crises', () => {
  let t: TestApp;
  let admin: SignedIn;
  let leader: SignedIn;
  let comms: SignedIn;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signInAdmin();
    leader = await t.signInAs(UserRole.LEADERSHIP);
    comms = await t.signInAs(UserRole.COMMS);
  });
  afterAll(() => t.close());

  it('creates a crisis with its lead, spokesperson and first phase in the history, and audits it', async () => {
    const res = await t.ok(CREATE, { input: validInput({ leadId: leader.id, spokespersonId: comms.id }) }, admin.token);
    const crisis = res.createCrisis;
    expect(crisis).toMatchObject({
      title: 'Battery swelling in Volt 3 e-bikes',
      severity: 'CRITICAL',
      phase: 'RESPONSE',
      detectedAt: '2026-11-20T07:15:00.000Z',
      lead: { id: leader.id },
      spokesperson: { id: comms.id },
      allowedNextPhases: ['RECOVERY'],
      phaseHistory: [{ fromPhase: null, toPhase: 'RESPONSE', note: null, changedBy: { id: admin.id } }],
    });
    const trail = await t.ok(TRAIL, { id: crisis.id }, leader.token);
    expect(trail.auditTrail.edges.map((e: any) => e.node.action)).toEqual(['CRISIS_CREATED']);
  });

  it('edits a crisis, clears a field with null and audits only what changed', async () => {
    const { createCrisis: crisis } = await t.ok(CREATE, { input: validInput({ leadId: leader.id }) }, admin.token);
    const { updateCrisis } = await t.ok(
      UPDATE,
      { id: crisis.id, input: { severity: 'SEVERE', leadId: null, description: 'Updated after the lab report.' } },
      admin.token,
    );
    expect(updateCrisis).toMatchObject({ severity: 'SEVERE', lead: null, description: 'Updated after the lab report.' });
    expect(updateCrisis.title).toBe(crisis.title);
    const trail = await t.ok(TRAIL, { id: crisis.id }, admin.token);
    const entry = trail.auditTrail.edges[1].node;
    expect(entry).toMatchObject({
      action: 'CRISIS_UPDATED',
      before: { severity: 'CRITICAL', leadId: leader.id },
      after: { severity: 'SEVERE', leadId: null },
      actor: { id: admin.id },
    });
  });

  describe('phases', () => {
    const phases = Object.values(CrisisPhase);
    const pairs = phases.flatMap((from) => phases.map((to) => [from, to] as const));

    it.each(pairs)('%s → %s is allowed exactly when the table says so', async (from, to) => {
      const crisis = await makeCrisis(t.dataSource, { phase: from });
      const auditBefore = await t.rowCount('audit_entries');
      const res = await t.gql(CHANGE_PHASE, { id: crisis.id, phase: to, note: 'weekly review' }, admin.token);
      if (CRISIS_PHASE_TRANSITIONS[from].includes(to)) {
        expect(res.errors).toBeUndefined();
        expect(res.data!.changeCrisisPhase.phase).toBe(to);
        expect(res.data!.changeCrisisPhase.phaseHistory.at(-1)).toEqual({ fromPhase: from, toPhase: to, note: 'weekly review' });
        expect(await t.rowCount('audit_entries')).toBe(auditBefore + 1);
      } else {
        expect(errorCode(res)).toBe('CONFLICT');
        expect(res.errors![0].message).toContain(`cannot move to ${to}`);
        const [row] = await t.dataSource.query(`SELECT phase FROM crises WHERE id = $1`, [crisis.id]);
        expect(row.phase).toBe(from);
        expect(await t.rowCount('audit_entries')).toBe(auditBefore);
      }
    });

    it('keeps the whole history through a relapse and a closure', async () => {
      const { createCrisis: crisis } = await t.ok(CREATE, { input: validInput() }, admin.token);
      for (const phase of ['RECOVERY', 'RESPONSE', 'RECOVERY', 'CLOSED']) {
        await t.ok(CHANGE_PHASE, { id: crisis.id, phase }, admin.token);
      }
      const { crisis: read } = await t.ok(`query ($id: ID!) { crisis(id: $id) { phase phaseHistory { fromPhase toPhase } } }`, { id: crisis.id }, comms.token);
      expect(read.phase).toBe('CLOSED');
      expect(read.phaseHistory.map((h: any) => `${h.fromPhase}>${h.toPhase}`)).toEqual([
        'null>RESPONSE',
        'RESPONSE>RECOVERY',
        'RECOVERY>RESPONSE',
        'RESPONSE>RECOVERY',
        'RECOVERY>CLOSED',
      ]);
    });
  });

  describe('refuses bad input and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string, RegExp | null][] = [
      ['a missing title', { title: undefined }, 'BAD_USER_INPUT', null],
      ['an empty title', { title: '' }, 'BAD_USER_INPUT', /title/],
      ['an over-long title', { title: 'x'.repeat(201) }, 'BAD_USER_INPUT', /title/],
      ['an over-long description', { description: 'x'.repeat(20001) }, 'BAD_USER_INPUT', /description/],
      ['an unknown severity', { severity: 'APOCALYPTIC' }, 'BAD_USER_INPUT', null],
      ['an unknown category', { category: 'ALIENS' }, 'BAD_USER_INPUT', null],
      ['a date that is not a date', { detectedAt: 'last tuesday' }, 'BAD_USER_INPUT', null],
      ['a start after detection', { startedAt: '2026-11-21T00:00:00Z' }, 'BAD_USER_INPUT', /startedAt/],
      ['a statement before the start', { firstStatementAt: '2026-11-19T00:00:00Z' }, 'BAD_USER_INPUT', /firstStatementAt/],
      ['an initial phase of RECOVERY', { phase: 'RECOVERY' }, 'BAD_USER_INPUT', /phase/],
      ['a lead id that is not a UUID', { leadId: 'bob' }, 'BAD_USER_INPUT', /leadId/],
      ['an unknown lead', { leadId: '3f1e2d4c-0000-4000-8000-000000000000' }, 'NOT_FOUND', /User/],
    ];

    it.each(cases)('%s', async (_, overrides, code, message) => {
      const before = [await t.rowCount('crises'), await t.rowCount('audit_entries'), await t.rowCount('crisis_phase_changes')];
      const res = await t.gql(CREATE, { input: validInput(overrides) }, admin.token);
      expect(errorCode(res)).toBe(code);
      if (message) expect(res.errors![0].message).toMatch(message);
      expect([await t.rowCount('crises'), await t.rowCount('audit_entries'), await t.rowCount('crisis_phase_changes')]).toEqual(before);
    });

    it('a spokesperson who is not COMMS or LEADERSHIP', async () => {
      const agent = await t.signInAs(UserRole.AGENT);
      const before = await t.rowCount('crises');
      const res = await t.gql(CREATE, { input: validInput({ spokespersonId: agent.id }) }, admin.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/spokesperson must have role COMMS or LEADERSHIP/);
      expect(await t.rowCount('crises')).toBe(before);
    });

    it('an update that would put detection before the start, and an unknown or malformed id', async () => {
      const crisis = await makeCrisis(t.dataSource);
      const bad = await t.gql(UPDATE, { id: crisis.id, input: { detectedAt: '2026-01-01T00:00:00Z' } }, admin.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const [row] = await t.dataSource.query(`SELECT detected_at FROM crises WHERE id = $1`, [crisis.id]);
      expect(row.detected_at.toISOString()).toBe(crisis.detectedAt.toISOString());
      expect(errorCode(await t.gql(UPDATE, { id: '3f1e2d4c-0000-4000-8000-000000000000', input: { title: 'x' } }, admin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(UPDATE, { id: '42', input: { title: 'x' } }, admin.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(UPDATE, { id: crisis.id, input: { title: null } }, admin.token))).toBe('BAD_USER_INPUT');
    });
  });

  it('lets only admins change crises', async () => {
    const crisis = await makeCrisis(t.dataSource);
    for (const role of [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.COMMS, UserRole.LEADERSHIP]) {
      const user = await t.signInAs(role);
      expect(errorCode(await t.gql(CREATE, { input: validInput() }, user.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE, { id: crisis.id, input: { title: 'Renamed' } }, user.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CHANGE_PHASE, { id: crisis.id, phase: 'RECOVERY' }, user.token))).toBe('FORBIDDEN');
      const read = await t.gql(`query ($id: ID!) { crisis(id: $id) { title } }`, { id: crisis.id }, user.token);
      expect(read.data!.crisis.title).toBe(crisis.title);
    }
  });

  describe('lists', () => {
    let fresh: TestApp;
    let token: string;

    beforeAll(async () => {
      fresh = await TestApp.start();
      token = (await fresh.signInAs(UserRole.AGENT)).token;
      for (let i = 0; i < 7; i += 1) {
        await makeCrisis(fresh.dataSource, {
          title: i === 3 ? 'Data leak at 100%_partner portal' : `Outage number ${i}`,
          severity: i % 2 ? CrisisSeverity.MINOR : CrisisSeverity.SEVERE,
          phase: i < 2 ? CrisisPhase.CLOSED : CrisisPhase.RESPONSE,
          detectedAt: new Date(Date.UTC(2026, 9, 1 + i)),
          startedAt: null,
        });
      }
    });
    afterAll(() => fresh.close());

    it('pages newest first with a stable cursor and a total count', async () => {
      const titles: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { crises }: any = await fresh.ok(LIST, { first: 3, after }, token);
        expect(crises.totalCount).toBe(7);
        titles.push(...crises.edges.map((e: any) => e.node.title));
        if (!crises.pageInfo.hasNextPage) break;
        after = crises.pageInfo.endCursor;
      }
      expect(titles).toHaveLength(7);
      expect(titles[0]).toBe('Outage number 6');
      expect(new Set(titles).size).toBe(7);
    });

    it('filters by phase, severity and category, and searches titles literally', async () => {
      const open = await fresh.ok(LIST, { phase: ['RESPONSE'], severity: ['SEVERE'] }, token);
      expect(open.crises.edges.map((e: any) => e.node.title)).toEqual(['Outage number 6', 'Outage number 4', 'Outage number 2']);
      expect((await fresh.ok(LIST, { category: ['DATA_BREACH'] }, token)).crises.totalCount).toBe(0);
      expect((await fresh.ok(LIST, { category: ['PRODUCT_QUALITY'] }, token)).crises.totalCount).toBe(7);
      const literal = await fresh.ok(LIST, { search: '100%_PART' }, token);
      expect(literal.crises.edges.map((e: any) => e.node.title)).toEqual(['Data leak at 100%_partner portal']);
      expect((await fresh.ok(LIST, { search: '%' }, token)).crises.totalCount).toBe(1);
    });

    it('refuses a page size over 100 and a cursor that is not one', async () => {
      expect(errorCode(await fresh.gql(LIST, { first: 101 }, token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await fresh.gql(LIST, { first: 0 }, token))).toBe('BAD_USER_INPUT');
      const bad = await fresh.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }, token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].message).toMatch(/cursor/);
    });
  });
});
