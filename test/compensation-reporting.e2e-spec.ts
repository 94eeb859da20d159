import { DataSource } from 'typeorm';
import { RecoveryCaseEntity } from '../src/modules/cases/recovery-case.entity';
import { generateCouponCode } from '../src/modules/compensation/coupon-code';
import { CompensationKind, CompensationStatus } from '../src/modules/compensation/compensation.enums';
import { CompensationEntity } from '../src/modules/compensation/compensation.entity';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { AUDIT_TRAIL, COMPENSATIONS, ISSUE } from './support/compensation-operations';
import {
  BUDGET,
  BUDGET_WITH_BURN_DOWN,
  CASE_RATIOS,
  CRISIS_RATIO,
  SEGMENT_RATIOS,
  SET_BUDGET,
  TOTALS,
} from './support/compensation-reporting-operations';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';

type Node = Record<string, any>;
const { REFUND, COUPON, CONTRACT_EXTENSION, SERVICE_CREDIT, CUSTOM } = CompensationKind;
const { PROPOSED, APPROVED, REJECTED, CANCELLED, ISSUED, ACCEPTED, DECLINED } = CompensationStatus;

/** 2^53 + 1: a float would turn it into 2^53. */
const BIG = '9007199254740993';
const DAY_MS = 86_400_000;

const money = (amountMinor: string, currency = 'EUR') => ({ amountMinor, currency });
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

describe('compensation reporting', () => {
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let agent: SignedIn;
  let leader: SignedIn;
  let admin: SignedIn;
  let crisis: CrisisEntity;
  let other: CrisisEntity;
  /** Midnight UTC of the crisis's start day, three days before today. */
  let day0: Date;
  const cases: Record<'smb' | 'zeroLoss' | 'partner' | 'usd' | 'noSegment', RecoveryCaseEntity> = {} as never;
  const comp: Record<string, CompensationEntity> = {};

  /** Writes a compensation straight to the table, with the fields its kind and status require. */
  async function insert(
    recoveryCase: RecoveryCaseEntity,
    kind: CompensationKind,
    status: CompensationStatus,
    valueMinor: string,
    issuedAt: Date | null = null,
  ): Promise<CompensationEntity> {
    const at = new Date(day0.getTime() + 3_600_000);
    const approved = [APPROVED, ISSUED, ACCEPTED, DECLINED].includes(status);
    const issued = [ISSUED, ACCEPTED, DECLINED].includes(status);
    const responded = [ACCEPTED, DECLINED].includes(status);
    return ds.getRepository(CompensationEntity).save(
      ds.getRepository(CompensationEntity).create({
        caseId: recoveryCase.id,
        kind,
        status,
        valueMinor,
        currency: recoveryCase.lossCurrency,
        refundReference: kind === REFUND ? 'ORD-2026-5512' : null,
        couponExpiresOn: kind === COUPON ? '2027-06-30' : null,
        couponCode: kind === COUPON && issued ? generateCouponCode() : null,
        extensionMonths: kind === CONTRACT_EXTENSION ? 6 : null,
        description: kind === CUSTOM ? 'On-site inspection of every installed unit' : null,
        proposedById: agent.id,
        proposedAt: at,
        approvedById: approved ? leader.id : null,
        approvedAt: approved ? at : null,
        rejectedById: status === REJECTED ? leader.id : null,
        rejectedAt: status === REJECTED ? at : null,
        rejectionReason: status === REJECTED ? 'Loss not documented' : null,
        cancelledById: status === CANCELLED ? agent.id : null,
        cancelledAt: status === CANCELLED ? at : null,
        cancellationReason: status === CANCELLED ? 'Duplicate of another proposal' : null,
        issuedById: issued ? agent.id : null,
        issuedAt: issued ? issuedAt : null,
        respondedById: responded ? agent.id : null,
        respondedAt: responded ? issuedAt : null,
        declineReason: status === DECLINED ? 'Prefers to leave' : null,
      }),
    );
  }

  const onDay = (n: number) => new Date(day0.getTime() + n * DAY_MS + (n === 3 ? 1000 : 7 * 3_600_000));

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    ({ AGENT: agent, LEADERSHIP: leader, ADMIN: admin } = roles);
    const today = new Date(`${utcDay(new Date())}T00:00:00Z`);
    day0 = new Date(today.getTime() - 3 * DAY_MS);
    crisis = await makeCrisis(ds, { startedAt: new Date(day0.getTime() + 6 * 3_600_000), detectedAt: new Date(day0.getTime() + 7 * 3_600_000) });
    other = await makeCrisis(ds);

    const customer = (segment: string | null) => makeStakeholder(ds, { kind: StakeholderKind.CUSTOMER, segment, ownerId: agent.id });
    const open = async (segment: string | null, loss: string, currency = 'EUR', kind = StakeholderKind.CUSTOMER) => {
      const s = kind === StakeholderKind.PARTNER ? await makeStakeholder(ds, { kind, segment, ownerId: roles.PARTNER_MANAGER.id }) : await customer(segment);
      return makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: s.ownerId! }, { estimatedLossMinor: loss, lossCurrency: currency });
    };
    cases.smb = await open('SMB', '100000');
    cases.zeroLoss = await open('SMB', '0');
    cases.partner = await open('Distribution', '18014398509481986', 'EUR', StakeholderKind.PARTNER);
    cases.usd = await open('Enterprise', '300000', 'USD');
    cases.noSegment = await open(null, '70000');

    comp.refundIssued = await insert(cases.smb, REFUND, ISSUED, '20000', onDay(0));
    comp.refundIssued2 = await insert(cases.smb, REFUND, ISSUED, '1234', onDay(2));
    comp.couponAccepted = await insert(cases.smb, COUPON, ACCEPTED, '15000', onDay(1));
    comp.creditDeclined = await insert(cases.smb, SERVICE_CREDIT, DECLINED, '5000', onDay(1));
    comp.refundApproved = await insert(cases.smb, REFUND, APPROVED, '7000');
    comp.customProposed = await insert(cases.smb, CUSTOM, PROPOSED, '3000');
    comp.refundRejected = await insert(cases.smb, REFUND, REJECTED, '9000');
    comp.creditIssuedZeroLoss = await insert(cases.zeroLoss, SERVICE_CREDIT, ISSUED, '2500', onDay(2));
    comp.extensionAccepted = await insert(cases.partner, CONTRACT_EXTENSION, ACCEPTED, BIG, onDay(3));
    comp.refundCancelled = await insert(cases.partner, REFUND, CANCELLED, '40000');
    comp.creditApproved = await insert(cases.partner, SERVICE_CREDIT, APPROVED, '30000');
    comp.usdRefundIssued = await insert(cases.usd, REFUND, ISSUED, '45000', onDay(1));
    comp.usdCouponApproved = await insert(cases.usd, COUPON, APPROVED, '10000');

    // Another crisis's compensation must never leak into this one's figures.
    const elsewhere = await makeStakeholder(ds, { segment: 'SMB', ownerId: agent.id });
    const elsewhereCase = await makeCase(ds, { crisisId: other.id, stakeholderId: elsewhere.id, ownerId: agent.id });
    await insert(elsewhereCase, REFUND, ISSUED, '999', onDay(1));
  });
  afterAll(() => t.close());

  const totals = async (vars: Record<string, unknown>, user = leader) => (await t.ok(TOTALS, { crisisId: crisis.id, ...vars }, user.token)).compensationTotals;

  /** The same figures in plain SQL, written without the service's CTEs. */
  async function sqlTotals(caseWhere = 'TRUE', compensationWhere = 'TRUE', params: unknown[] = []): Promise<Node[]> {
    const rows: Node[] = await ds.query(
      `SELECT c.kind::text, c.status::text, c.currency, count(*) AS n, sum(c.value_minor) AS total
         FROM compensations c
        WHERE c.case_id IN (SELECT rc.id FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id WHERE rc.crisis_id = $1 AND ${caseWhere})
          AND ${compensationWhere}
        GROUP BY 1, 2, 3`,
      [crisis.id, ...params],
    );
    return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.n), total: money(String(r.total), r.currency) }));
  }

  const sortRows = (rows: Node[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  describe('totals by kind and status', () => {
    it('groups the whole crisis by kind, status and currency, in enum order, with exact sums', async () => {
      const expected = [
        { kind: 'REFUND', status: 'APPROVED', count: 1, total: money('7000') },
        { kind: 'REFUND', status: 'REJECTED', count: 1, total: money('9000') },
        { kind: 'REFUND', status: 'CANCELLED', count: 1, total: money('40000') },
        { kind: 'REFUND', status: 'ISSUED', count: 2, total: money('21234') },
        { kind: 'REFUND', status: 'ISSUED', count: 1, total: money('45000', 'USD') },
        { kind: 'COUPON', status: 'APPROVED', count: 1, total: money('10000', 'USD') },
        { kind: 'COUPON', status: 'ACCEPTED', count: 1, total: money('15000') },
        { kind: 'CONTRACT_EXTENSION', status: 'ACCEPTED', count: 1, total: money(BIG) },
        { kind: 'SERVICE_CREDIT', status: 'APPROVED', count: 1, total: money('30000') },
        { kind: 'SERVICE_CREDIT', status: 'ISSUED', count: 1, total: money('2500') },
        { kind: 'SERVICE_CREDIT', status: 'DECLINED', count: 1, total: money('5000') },
        { kind: 'CUSTOM', status: 'PROPOSED', count: 1, total: money('3000') },
      ];
      const rows = await totals({});
      expect(rows).toEqual(expected);
      expect(sortRows(rows)).toEqual(sortRows(await sqlTotals()));
    });

    it('applies the filters of `compensations` and agrees with its totalCount', async () => {
      const filterCases: Array<[Record<string, unknown>, Node[], [string, string], unknown[]]> = [
        [
          { kind: ['REFUND'], status: ['ISSUED'] },
          [
            { kind: 'REFUND', status: 'ISSUED', count: 2, total: money('21234') },
            { kind: 'REFUND', status: 'ISSUED', count: 1, total: money('45000', 'USD') },
          ],
          ['TRUE', `c.kind = 'REFUND' AND c.status = 'ISSUED'`],
          [],
        ],
        [
          { stakeholderKind: 'PARTNER' },
          [
            { kind: 'REFUND', status: 'CANCELLED', count: 1, total: money('40000') },
            { kind: 'CONTRACT_EXTENSION', status: 'ACCEPTED', count: 1, total: money(BIG) },
            { kind: 'SERVICE_CREDIT', status: 'APPROVED', count: 1, total: money('30000') },
          ],
          [`s.kind = 'PARTNER'`, 'TRUE'],
          [],
        ],
        [
          { segment: 'Enterprise' },
          [
            { kind: 'REFUND', status: 'ISSUED', count: 1, total: money('45000', 'USD') },
            { kind: 'COUPON', status: 'APPROVED', count: 1, total: money('10000', 'USD') },
          ],
          ['s.segment = $2', 'TRUE'],
          ['Enterprise'],
        ],
      ];
      for (const [filters, expected, where, params] of filterCases) {
        const rows = await totals(filters);
        expect(rows).toEqual(expected);
        expect(sortRows(rows)).toEqual(sortRows(await sqlTotals(...where, params)));
        const listed = (await t.ok(COMPENSATIONS, { crisisId: crisis.id, first: 1, ...filters }, leader.token)).compensations.totalCount;
        expect(rows.reduce((n: number, r: Node) => n + r.count, 0)).toBe(listed);
      }
    });

    it('returns no rows for empty groups, and a crisis without compensation has none', async () => {
      expect(await totals({ segment: 'Nobody here' })).toEqual([]);
      expect(await totals({ kind: ['CUSTOM'], status: ['ISSUED', 'ACCEPTED'] })).toEqual([]);
      expect(await totals({ stakeholderKind: 'PARTNER', segment: 'SMB' })).toEqual([]);
      const quiet = await makeCrisis(ds);
      expect((await t.ok(TOTALS, { crisisId: quiet.id }, leader.token)).compensationTotals).toEqual([]);
    });
  });

  describe('loss ratios (ISSUED + ACCEPTED against estimated loss, basis points rounded down)', () => {
    /** Independent check: sums from plain SQL, the ratio with JS BigInt. */
    async function sqlRatios(groupBySegment: boolean): Promise<Node[]> {
      const segment = groupBySegment ? 's.segment' : 'NULL::varchar';
      const loss: Node[] = await ds.query(
        `SELECT ${segment} AS segment, rc.loss_currency AS currency, sum(rc.estimated_loss_minor)::text AS amount
           FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id WHERE rc.crisis_id = $1 GROUP BY 1, 2`,
        [crisis.id],
      );
      const issued: Node[] = await ds.query(
        `SELECT ${segment} AS segment, c.currency, sum(c.value_minor)::text AS amount
           FROM compensations c JOIN recovery_cases rc ON rc.id = c.case_id JOIN stakeholders s ON s.id = rc.stakeholder_id
          WHERE rc.crisis_id = $1 AND c.status IN ('ISSUED', 'ACCEPTED') GROUP BY 1, 2`,
        [crisis.id],
      );
      return loss.map((l) => {
        const i = issued.find((x) => x.segment === l.segment && x.currency === l.currency);
        const issuedMinor = BigInt(i?.amount ?? '0');
        const lossMinor = BigInt(l.amount);
        return {
          ...(groupBySegment ? { segment: l.segment } : {}),
          currency: l.currency,
          issued: money(issuedMinor.toString(), l.currency),
          estimatedLoss: money(l.amount, l.currency),
          ratioBasisPoints: lossMinor === 0n ? null : ((issuedMinor * 10000n) / lossMinor).toString(),
        };
      });
    }

    it('per crisis, per currency; never mixing currencies', async () => {
      const rows = (await t.ok(CRISIS_RATIO, { crisisId: crisis.id }, leader.token)).compensationLossRatio;
      expect(rows).toEqual([
        // 20000 + 1234 + 15000 + 2500 + BIG issued; 100000 + 0 + 2·BIG + 70000 lost: 0.49999… → 4999.
        { currency: 'EUR', issued: money('9007199254779727'), estimatedLoss: money('18014398509651986'), ratioBasisPoints: '4999' },
        { currency: 'USD', issued: money('45000', 'USD'), estimatedLoss: money('300000', 'USD'), ratioBasisPoints: '1500' },
      ]);
      expect(sortRows(rows)).toEqual(sortRows(await sqlRatios(false)));
    });

    it('per segment, stakeholders without a segment last; declined, approved and proposed value not counted', async () => {
      const rows = (await t.ok(SEGMENT_RATIOS, { crisisId: crisis.id }, leader.token)).compensationLossRatiosBySegment;
      expect(rows).toEqual([
        { segment: 'Distribution', currency: 'EUR', issued: money(BIG), estimatedLoss: money('18014398509481986'), ratioBasisPoints: '5000' },
        { segment: 'Enterprise', currency: 'USD', issued: money('45000', 'USD'), estimatedLoss: money('300000', 'USD'), ratioBasisPoints: '1500' },
        // (36234 + 2500) / 100000 = 0.38734 → 3873.
        { segment: 'SMB', currency: 'EUR', issued: money('38734'), estimatedLoss: money('100000'), ratioBasisPoints: '3873' },
        { segment: null, currency: 'EUR', issued: money('0'), estimatedLoss: money('70000'), ratioBasisPoints: '0' },
      ]);
      expect(sortRows(rows)).toEqual(sortRows(await sqlRatios(true)));
    });

    it('per case, null for a zero loss, in one batched query for a page of cases', async () => {
      const read = async (first: number) =>
        (await t.ok(CASE_RATIOS, { crisisId: crisis.id, first }, leader.token)).recoveryCases.edges.map((e: { node: Node }) => e.node);
      const byId = new Map<string, Node>((await read(100)).map((n: Node) => [n.id, n.compensationLossRatio]));
      expect(byId.get(cases.smb.id)).toEqual({ currency: 'EUR', issued: money('36234'), estimatedLoss: money('100000'), ratioBasisPoints: '3623' });
      expect(byId.get(cases.zeroLoss.id)).toEqual({ currency: 'EUR', issued: money('2500'), estimatedLoss: money('0'), ratioBasisPoints: null });
      expect(byId.get(cases.partner.id)).toEqual({ currency: 'EUR', issued: money(BIG), estimatedLoss: money('18014398509481986'), ratioBasisPoints: '5000' });
      expect(byId.get(cases.usd.id)).toEqual({ currency: 'USD', issued: money('45000', 'USD'), estimatedLoss: money('300000', 'USD'), ratioBasisPoints: '1500' });
      expect(byId.get(cases.noSegment.id)).toEqual({ currency: 'EUR', issued: money('0'), estimatedLoss: money('70000'), ratioBasisPoints: '0' });

      const sql: Node[] = await ds.query(
        `SELECT rc.id, rc.estimated_loss_minor::text AS loss,
                (SELECT coalesce(sum(value_minor), 0)::text FROM compensations WHERE case_id = rc.id AND status IN ('ISSUED', 'ACCEPTED')) AS issued
           FROM recovery_cases rc WHERE rc.crisis_id = $1`,
        [crisis.id],
      );
      for (const row of sql) {
        const ratio = BigInt(row.loss) === 0n ? null : ((BigInt(row.issued) * 10000n) / BigInt(row.loss)).toString();
        expect(byId.get(row.id)).toMatchObject({ issued: { amountMinor: row.issued }, estimatedLoss: { amountMinor: row.loss }, ratioBasisPoints: ratio });
      }

      const two = await t.countQueries(() => read(2));
      const five = await t.countQueries(() => read(5));
      expect(five).toBe(two);
    });

    it('refuses an unknown crisis and a malformed id', async () => {
      const unknown = await t.gql(CRISIS_RATIO, { crisisId: '6b0c1a52-8f7e-4c55-9d2a-0a4b7e3f1c11' }, leader.token);
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SEGMENT_RATIOS, { crisisId: 'crisis-1' }, leader.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(TOTALS, { crisisId: '6b0c1a52-8f7e-4c55-9d2a-0a4b7e3f1c11' }, leader.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(BUDGET, { crisisId: '6b0c1a52-8f7e-4c55-9d2a-0a4b7e3f1c11' }, leader.token))).toBe('NOT_FOUND');
    });
  });

  describe('budget', () => {
    const written = async () => [await t.rowCount('compensation_budgets'), await t.rowCount('audit_entries')];
    const set = (user: SignedIn, budget: Record<string, unknown>, crisisId = crisis.id) => t.gql(SET_BUDGET, { crisisId, budget }, user.token);

    async function refuse(user: SignedIn, budget: Record<string, unknown>, code: string, crisisId = crisis.id): Promise<void> {
      const before = await written();
      const res = await set(user, budget, crisisId);
      expect({ code: errorCode(res), message: res.errors?.[0]?.message }).toMatchObject({ code });
      expect(res.errors?.[0]?.message).toBeTruthy();
      expect(res.data?.setCompensationBudget ?? null).toBeNull();
      expect(await written()).toEqual(before);
    }

    it('only LEADERSHIP and ADMIN set it; other roles get FORBIDDEN and nothing is written', async () => {
      for (const role of [UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.COMMS]) {
        await refuse(roles[role], money('100'), 'FORBIDDEN', other.id);
      }
      const byAdmin = await set(admin, money('100'), other.id);
      expect(byAdmin.errors).toBeUndefined();
      expect(byAdmin.data?.setCompensationBudget).toMatchObject({ budget: money('100'), setBy: { id: admin.id } });
      const byLeader = await set(leader, money('250'), other.id);
      expect(byLeader.data?.setCompensationBudget).toMatchObject({ budget: money('250'), setBy: { id: leader.id } });
    });

    it('refuses bad input with a clear code and writes nothing', async () => {
      await refuse(leader, money('-1'), 'BAD_USER_INPUT');
      await refuse(leader, money('12.50'), 'BAD_USER_INPUT');
      await refuse(leader, money('1000', 'XYZ'), 'BAD_USER_INPUT');
      await refuse(leader, money('1000'), 'NOT_FOUND', '6b0c1a52-8f7e-4c55-9d2a-0a4b7e3f1c11');
      await refuse(leader, money('1000'), 'BAD_USER_INPUT', 'not-a-uuid');
    });

    it('is set per currency, audited on the crisis (before/after), and an unchanged amount writes nothing', async () => {
      const first = (await set(leader, money('500000'))).data?.setCompensationBudget;
      expect(first).toMatchObject({ currency: 'EUR', budget: money('500000'), setBy: { id: leader.id } });
      const second = (await set(admin, { amountMinor: '400000', currency: 'eur' })).data?.setCompensationBudget;
      expect(second).toMatchObject({ currency: 'EUR', budget: money('400000'), setBy: { id: admin.id } });
      const before = await written();
      expect((await set(admin, money('400000'))).errors).toBeUndefined();
      expect(await written()).toEqual(before);

      const trail = (await t.ok(AUDIT_TRAIL, { record: 'CRISIS', id: crisis.id }, leader.token)).auditTrail.edges
        .map((e: { node: Node }) => e.node)
        .filter((n: Node) => n.action === 'COMPENSATION_BUDGET_SET');
      expect(trail).toEqual([
        { action: 'COMPENSATION_BUDGET_SET', before: null, after: money('500000'), actor: { id: leader.id } },
        { action: 'COMPENSATION_BUDGET_SET', before: money('500000'), after: money('400000'), actor: { id: admin.id } },
      ]);
    });

    it('shows budget, committed, issued and remaining per currency, for every role', async () => {
      // EUR: approved 7000 + 30000; issued (kept) 9007199254779727; 400000 − 37000 − issued. USD has spend but no budget.
      const expected = [
        {
          crisisId: crisis.id,
          currency: 'EUR',
          budget: money('400000'),
          committed: money('37000'),
          issued: money('9007199254779727'),
          remaining: money('-9007199254416727'),
          setBy: { id: admin.id },
        },
        { crisisId: crisis.id, currency: 'USD', budget: null, committed: money('10000', 'USD'), issued: money('45000', 'USD'), remaining: null, setAt: null, setBy: null },
      ];
      for (const user of Object.values(roles)) {
        const rows = (await t.ok(BUDGET, { crisisId: crisis.id }, user.token)).compensationBudget;
        expect(rows).toMatchObject(expected);
        expect(rows).toHaveLength(2);
      }
      const [sql] = await ds.query(
        `SELECT (SELECT sum(value_minor)::text FROM compensations WHERE status = 'APPROVED' AND currency = 'EUR'
                   AND case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1)) AS committed,
                (SELECT sum(value_minor)::text FROM compensations WHERE status IN ('ISSUED', 'ACCEPTED') AND currency = 'EUR'
                   AND case_id IN (SELECT id FROM recovery_cases WHERE crisis_id = $1)) AS issued,
                (SELECT amount_minor::text FROM compensation_budgets WHERE crisis_id = $1 AND currency = 'EUR') AS budget`,
        [crisis.id],
      );
      expect([sql.committed, sql.issued, (BigInt(sql.budget) - BigInt(sql.committed) - BigInt(sql.issued)).toString()]).toEqual([
        '37000',
        '9007199254779727',
        '-9007199254416727',
      ]);
    });

    it('burns down per day and per week since the crisis started, and moves when compensation is issued', async () => {
      const days = [0, 1, 2, 3].map((n) => utcDay(new Date(day0.getTime() + n * DAY_MS)));
      const burnDown = async (granularity: string) =>
        Object.fromEntries(
          (await t.ok(BUDGET_WITH_BURN_DOWN, { crisisId: crisis.id, granularity }, roles.COMMS.token)).compensationBudget.map(
            (b: Node) => [b.currency, b.burnDown.map((p: Node) => [p.periodStart, p.issuedInPeriod.amountMinor, p.issuedToDate.amountMinor])],
          ),
        );
      const series = (inPeriod: string[]) => {
        let sum = 0n;
        return inPeriod.map((v, i) => [days[i], v, (sum += BigInt(v)).toString()]);
      };
      const eurDays = ['20000', '15000', '3734', BIG];
      const daily = await burnDown('DAY');
      expect(daily).toEqual({ EUR: series(eurDays), USD: series(['0', '45000', '0', '0']) });
      // Independently: everything kept and issued before the end of each day, in plain SQL.
      for (const [currency, points] of Object.entries(daily) as Array<[string, string[][]]>) {
        for (const [day, , toDate] of points) {
          const [row] = await ds.query(
            `SELECT coalesce(sum(c.value_minor), 0)::text AS total FROM compensations c JOIN recovery_cases rc ON rc.id = c.case_id
              WHERE rc.crisis_id = $1 AND c.currency = $2 AND c.status IN ('ISSUED', 'ACCEPTED') AND c.issued_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`,
            [crisis.id, currency, day],
          );
          expect([currency, day, row.total]).toEqual([currency, day, toDate]);
        }
      }

      // Weeks start on Monday (UTC): regroup the daily figures by hand.
      const weekOf = (day: string) => {
        const d = new Date(`${day}T00:00:00Z`);
        return utcDay(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS));
      };
      const weekly = (inDay: string[]) => {
        const weeks = new Map<string, bigint>();
        days.forEach((day, i) => weeks.set(weekOf(day), (weeks.get(weekOf(day)) ?? 0n) + BigInt(inDay[i])));
        let sum = 0n;
        return [...weeks].map(([week, v]) => [week, v.toString(), (sum += v).toString()]);
      };
      expect(await burnDown('WEEK')).toEqual({ EUR: weekly(eurDays), USD: weekly(['0', '45000', '0', '0']) });

      const issued = await t.ok(ISSUE, { id: comp.refundApproved.id, idempotencyKey: 'reporting-issue-0001' }, agent.token);
      expect(issued.issueCompensation.status).toBe('ISSUED');
      expect(await burnDown('DAY')).toEqual({ EUR: series(['20000', '15000', '3734', '9007199254747993']), USD: series(['0', '45000', '0', '0']) });
      const [eur] = (await t.ok(BUDGET, { crisisId: crisis.id }, leader.token)).compensationBudget;
      expect(eur).toMatchObject({ committed: money('30000'), issued: money('9007199254786727'), remaining: money('-9007199254416727') });
      const smb = (await t.ok(SEGMENT_RATIOS, { crisisId: crisis.id }, leader.token)).compensationLossRatiosBySegment.find(
        (r: Node) => r.segment === 'SMB',
      );
      expect(smb).toMatchObject({ issued: money('45734'), ratioBasisPoints: '4573' });
    });

    it('reads the burn-down of every currency in a fixed number of queries', async () => {
      const count = (crisisId: string) =>
        t.countQueries(() => t.ok(BUDGET_WITH_BURN_DOWN, { crisisId, granularity: 'DAY' }, leader.token));
      // `other` has one currency (EUR budget), `crisis` two (EUR and USD).
      expect(await count(crisis.id)).toBe(await count(other.id));
    });
  });

  it('every role reads totals and ratios (leadership dashboards; COMMS reads everything)', async () => {
    for (const user of Object.values(roles)) {
      expect(await totals({ segment: 'Enterprise' }, user)).toHaveLength(2);
      expect((await t.ok(CRISIS_RATIO, { crisisId: crisis.id }, user.token)).compensationLossRatio).toHaveLength(2);
    }
  });
});
