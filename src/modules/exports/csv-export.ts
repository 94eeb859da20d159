/**
 * One CSV export: a single SQL statement (read through a server-side cursor) and how each of
 * its rows becomes one CSV record, cell by cell in the order of `headers`.
 */
export interface CsvExport<Row = Record<string, unknown>> {
  /** The file is named regain-<name>-<YYYY-MM-DD>.csv. */
  name: string;
  headers: readonly string[];
  sql: string;
  params: unknown[];
  toRecord(row: Row): CsvCell[];
}

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

/**
 * The text of one cell: empty for null, ISO 8601 UTC for times, true/false for flags; money
 * and counts arrive from SQL as decimal strings, so nothing passes through a float.
 */
export function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Adds a parameter to a statement being built and returns its placeholder. */
export function parameterList(params: unknown[]): (value: unknown) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}
