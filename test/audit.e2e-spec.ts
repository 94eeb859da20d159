import { UserRole } from '../src/modules/users/user-role.enum';
import { errorCode, TestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('cannot be changed or deleted, even with direct SQL', async () => {
    await t.signInAs(UserRole.AGENT);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM audit_entries ORDER BY id LIMIT 1`);
    await expect(t.dataSource.query(`UPDATE audit_entries SET action = 'FORGED' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_entries WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
    const [row] = await t.dataSource.query(`SELECT action FROM audit_entries WHERE id = $1`, [id]);
    expect(row.action).toBe('USER_CREATED');
  });

  it('is readable by leadership and admins only', async () => {
    const admin = await t.signInAdmin();
    const query = `query ($id: ID!) { auditTrail(record: USER, recordId: $id) { totalCount } }`;
    for (const role of Object.values(UserRole)) {
      const user = await t.signInAs(role);
      const res = await t.gql(query, { id: admin.id }, user.token);
      if (role === UserRole.LEADERSHIP || role === UserRole.ADMIN) {
        expect(res.errors).toBeUndefined();
      } else {
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
    }
  });

  it('offers no mutation that edits or deletes entries', async () => {
    const admin = await t.signInAdmin();
    const res = await t.ok(`{ __schema { mutationType { fields { name } } } }`, {}, admin.token);
    const names: string[] = res.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });
});
