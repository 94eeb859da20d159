import { Client } from 'pg';

/** The same server as `base`, another database. */
export function urlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function withServer(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(baseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
