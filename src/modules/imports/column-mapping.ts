import { CsvColumnDefinition, normalizeHeader } from './stakeholder-csv-columns';

/** Which contract column each header of the file feeds (null: ignored). */
export interface MappedHeader {
  header: string;
  column: string | null;
}

export interface MappingReview {
  unknownHeaders: string[];
  missingRequired: string[];
  /** Problems that make the mapping unusable (a column named twice, a column that does not exist). */
  problems: string[];
}

/**
 * Guesses the mapping: headers are compared case-insensitively, ignoring spaces, underscores,
 * dashes and dots, against each column's name and its synonyms. The first header that matches
 * a column takes it; a later one is left unmapped (and so reported as unknown).
 */
export function guessMapping(headers: readonly string[], columns: readonly CsvColumnDefinition[]): MappedHeader[] {
  const byKey = new Map<string, string>();
  for (const column of columns) byKey.set(normalizeHeader(column.name), column.name);
  for (const column of columns) {
    for (const synonym of column.synonyms) {
      const key = normalizeHeader(synonym);
      if (!byKey.has(key)) byKey.set(key, column.name);
    }
  }
  const taken = new Set<string>();
  return headers.map((header) => {
    const column = byKey.get(normalizeHeader(header)) ?? null;
    if (column === null || taken.has(column)) return { header, column: null };
    taken.add(column);
    return { header, column };
  });
}

export function reviewMapping(mapping: readonly MappedHeader[], columns: readonly CsvColumnDefinition[]): MappingReview {
  const known = new Set(columns.map((c) => c.name));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { header, column } of mapping) {
    if (column === null) continue;
    if (!known.has(column)) problems.push(`"${header}" is mapped to ${column}, which is not a column of this import`);
    else if (seen.has(column)) problems.push(`${column} is mapped from more than one header`);
    seen.add(column);
  }
  return {
    unknownHeaders: mapping.filter((m) => m.column === null).map((m) => m.header),
    missingRequired: columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name),
    problems,
  };
}

/** For each contract column, the position of its header in the file's rows, or -1. */
export function columnPositions(mapping: readonly MappedHeader[], columns: readonly CsvColumnDefinition[]): number[] {
  return columns.map((c) => mapping.findIndex((m) => m.column === c.name));
}

/** ';' when the header line has more semicolons than commas (outside quotes), else ','. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
