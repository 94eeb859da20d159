import { DataSource } from 'typeorm';
import { CompensationEntity } from '../src/modules/compensation/compensation.entity';
import { COUPON_ALPHABET, COUPON_CODE_PATTERN, generateCouponCode } from '../src/modules/compensation/coupon-code';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { StakeholderKind } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { APPROVE, AUDIT_TRAIL, ISSUE, PROPOSE, proposal } from './support/compensation-operations';
import { makeCase, makeCrisis, makeStakeholder } from './support/factories';
import { errorCode, SignedIn, TestApp } from './support/test-app';

type Node = Record<string, any>;
const CONCURRENT = 20;

describe('compensation: exactly once', () => {
  let t: TestApp;
  let ds: DataSource;
  let agent: SignedIn;
  let pm: SignedIn;
  let leader: SignedIn;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    agent = await t.signInAs(UserRole.AGENT);
    pm = await t.signInAs(UserRole.PARTNER_MANAGER);
    leader = await t.signInAs(UserRole.LEADERSHIP);
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  async function proposed(kind = 'COUPON'): Promise<Node> {
    const s = await makeStakeholder(ds, { kind: StakeholderKind.CUSTOMER, ownerId: agent.id });
    const c = await makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: agent.id }, { estimatedLossMinor: '100000000' });
    return (await t.ok(PROPOSE, { input: proposal(c.id, kind) }, agent.token)).proposeCompensation;
  }

  async function approved(kind = 'COUPON'): Promise<Node> {
    const p = await proposed(kind);
    return (await t.ok(APPROVE, { id: p.id }, pm.token)).approveCompensation;
  }

  async function actions(id: string): Promise<string[]> {
    const data = await t.ok(AUDIT_TRAIL, { record: 'COMPENSATION', id }, leader.token);
    return data.auditTrail.edges.map((e: { node: Node }) => e.node.action);
  }

  const issueRequestsOf = (id: string) => ds.query(`SELECT idempotency_key, result FROM compensation_issue_requests WHERE compensation_id = $1`, [id]);

  describe('idempotency key', () => {
    it('same key and arguments: the same result, nothing issued twice', async () => {
      const c = await approved();
      const vars = { id: c.id, idempotencyKey: 'order-7781-coupon', reference: 'CRM-TICKET-55' };
      const first = (await t.ok(ISSUE, vars, agent.token)).issueCompensation;
      const again = (await t.ok(ISSUE, vars, agent.token)).issueCompensation;
      expect(first.couponCode).toMatch(COUPON_CODE_PATTERN);
      expect(again).toEqual(first);
      expect(await issueRequestsOf(c.id)).toHaveLength(1);
      expect(await actions(c.id)).toEqual(['COMPENSATION_PROPOSED', 'COMPENSATION_APPROVED', 'COMPENSATION_ISSUED']);
    });

    it('same key with other arguments, or on another compensation: CONFLICT, nothing written', async () => {
      const c = await approved();
      const other = await approved();
      await t.ok(ISSUE, { id: c.id, idempotencyKey: 'key-used-once', reference: 'A' }, agent.token);
      const before = [await t.rowCount('audit_entries'), await t.rowCount('compensation_issue_requests')];
      const otherRef = await t.gql(ISSUE, { id: c.id, idempotencyKey: 'key-used-once', reference: 'B' }, agent.token);
      expect(errorCode(otherRef)).toBe('CONFLICT');
      expect(otherRef.errors![0].message).toMatch(/already used for another request/);
      const otherComp = await t.gql(ISSUE, { id: other.id, idempotencyKey: 'key-used-once', reference: 'A' }, agent.token);
      expect(errorCode(otherComp)).toBe('CONFLICT');
      expect([await t.rowCount('audit_entries'), await t.rowCount('compensation_issue_requests')]).toEqual(before);
      expect((await ds.getRepository(CompensationEntity).findOneByOrFail({ id: other.id })).status).toBe('APPROVED');
    });

    it('a new key for an issued compensation is a CONFLICT', async () => {
      const c = await approved();
      await t.ok(ISSUE, { id: c.id, idempotencyKey: 'first-key-1' }, agent.token);
      const res = await t.gql(ISSUE, { id: c.id, idempotencyKey: 'second-key-2' }, agent.token);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toMatch(/already ISSUED/);
    });

    it.each([['7 characters', 'x'.repeat(7)], ['101 characters', 'x'.repeat(101)]])('refuses a key of %s', async (_, idempotencyKey) => {
      const c = await approved();
      const res = await t.gql(ISSUE, { id: c.id, idempotencyKey }, agent.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/8 to 100 characters/);
      expect(await issueRequestsOf(c.id)).toHaveLength(0);
    });
  });

  describe(`${CONCURRENT} concurrent calls through the API`, () => {
    it('approve: exactly one success, the rest CONFLICT, one approval in the audit trail', async () => {
      const c = await proposed('SERVICE_CREDIT');
      const results = await Promise.all(Array.from({ length: CONCURRENT }, () => t.gql(APPROVE, { id: c.id }, leader.token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(CONCURRENT - 1).fill('CONFLICT'));
      expect((await actions(c.id)).filter((a) => a === 'COMPENSATION_APPROVED')).toHaveLength(1);
    });

    it('issue with different keys: exactly one success, the rest CONFLICT, one issue in the audit trail', async () => {
      const c = await approved();
      const results = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) => t.gql(ISSUE, { id: c.id, idempotencyKey: `parallel-key-${i}` }, agent.token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(CONCURRENT - 1).fill('CONFLICT'));
      expect((await actions(c.id)).filter((a) => a === 'COMPENSATION_ISSUED')).toHaveLength(1);
      expect(await issueRequestsOf(c.id)).toHaveLength(1);
    });

    it('issue with the same key: every call gets the one result', async () => {
      const c = await approved();
      const results = await Promise.all(
        Array.from({ length: CONCURRENT }, () => t.gql(ISSUE, { id: c.id, idempotencyKey: 'same-key-everywhere' }, agent.token)),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      expect(new Set(results.map((r) => r.data!.issueCompensation.couponCode)).size).toBe(1);
      expect((await actions(c.id)).filter((a) => a === 'COMPENSATION_ISSUED')).toHaveLength(1);
    });
  });

  describe('coupon codes', () => {
    it('are unique and unambiguous over 10,000 coupons, and the database refuses a duplicate', async () => {
      const codes = Array.from({ length: 10000 }, generateCouponCode);
      const s = await makeStakeholder(ds, { kind: StakeholderKind.CUSTOMER, ownerId: agent.id });
      const c = await makeCase(ds, { crisisId: crisis.id, stakeholderId: s.id, ownerId: agent.id });
      // Set-based: one INSERT of 10,000 issued coupons, as the unique index sees them.
      await ds.query(
        `INSERT INTO compensations (case_id, kind, status, value_minor, currency, coupon_expires_on, coupon_code,
           proposed_by_id, approved_by_id, approved_at, issued_by_id, issued_at)
         SELECT $1, 'COUPON', 'ISSUED', 1000, 'EUR', current_date + 90, code, $2, $3, now(), $2, now()
         FROM unnest($4::text[]) AS code`,
        [c.id, agent.id, pm.id, codes],
      );
      const [stats] = await ds.query(
        `SELECT count(*)::int AS total, count(DISTINCT coupon_code)::int AS distinct_codes,
                count(*) FILTER (WHERE coupon_code ~ '[01OIL]')::int AS ambiguous
         FROM compensations WHERE case_id = $1`,
        [c.id],
      );
      expect(stats).toEqual({ total: 10000, distinct_codes: 10000, ambiguous: 0 });
      for (const code of codes) expect(code).toMatch(COUPON_CODE_PATTERN);
      expect(new Set(codes.join('').replace(/-/g, ''))).toEqual(new Set(COUPON_ALPHABET));

      await expect(
        ds.query(
          `INSERT INTO compensations (case_id, kind, status, value_minor, currency, coupon_expires_on, coupon_code,
             proposed_by_id, approved_by_id, approved_at, issued_by_id, issued_at)
           VALUES ($1, 'COUPON', 'ISSUED', 1000, 'EUR', current_date + 90, $4, $2, $3, now(), $2, now())`,
          [c.id, agent.id, pm.id, codes[0]],
        ),
      ).rejects.toThrow(/compensations_coupon_code_key/);
    });
  });
});
