import { quoteIdent, withAdminClient } from './test-databases';

/** Drops the template and any suite database (named after it) that a crashed suite left behind. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.REGAIN_TEST_TEMPLATE_DB;
  if (!template) return;
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      // The template and its clones (`<template>_<hex>`) only: a bare prefix would also match
      // the databases of a concurrent run whose process id starts with this one's (751 and 7510).
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_') ORDER BY datname = $1`,
      [template],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  });
}
