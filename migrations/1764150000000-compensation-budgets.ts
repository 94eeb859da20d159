import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A crisis's compensation budget, one amount per currency (amounts in different currencies
 * are never added). Changes are audited on the crisis (AuditedRecord.CRISIS).
 */
export class CompensationBudgets1764150000000 implements MigrationInterface {
  name = 'CompensationBudgets1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compensation_budgets (
        crisis_id uuid NOT NULL REFERENCES crises (id),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        set_by_id uuid NOT NULL REFERENCES users (id),
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (crisis_id, currency)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE compensation_budgets`);
  }
}
