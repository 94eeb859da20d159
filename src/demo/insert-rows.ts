import { EntityManager } from 'typeorm';

/** A row keyed by column name. */
export type Row = Record<string, unknown>;

/**
 * Inserts all rows with one statement: each column travels as one array parameter and
 * `unnest` zips them back into rows, so a few hundred rows cost one round trip and the
 * statement text does not grow with the row count.
 *
 * `columns` maps each column to its Postgres type (the element type of the array parameter).
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const arrays = names.map((name) => rows.map((row) => toParam(row[name])));
  const unnest = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
  await manager.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays);
}

function toParam(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  // Objects go to jsonb columns; serialised here so that pg does not guess.
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
