import { quoteIdent, withAdminClient } from './test-databases';

/** Drops the template and any suite database (named after it) that a crashed suite left behind. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.REGAIN_TEST_TEMPLATE_DB;
  if (!template) return;
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname = $1`,
      [template],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  });
}
