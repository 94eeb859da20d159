import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../errors/app.exception';
import { Connection } from './connection.model';
import { PageArgs } from './page.args';

/** One column of a list's total order; the last key must be unique (the id). */
export interface SortKey {
  /** SQL expression, e.g. `c.priority`. */
  expression: string;
  /** Postgres type of the expression, e.g. `timestamptz`, `uuid`, `case_priority`. */
  type: string;
}

function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) {
      return values as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw AppException.badInput('after is not a cursor from this list; pass the endCursor of the previous page');
}

/**
 * Keyset pagination over a filtered query: one COUNT for totalCount, one SELECT for the page
 * (first + 1 rows to learn whether another page follows). All keys sort in one direction, so
 * the cursor condition is a single row comparison that the matching index can serve.
 */
export async function paginate<T extends ObjectLiteral, N>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  direction: 'ASC' | 'DESC',
  page: PageArgs,
  toNode: (row: T) => N,
): Promise<Connection<N>> {
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone();
  if (page.after) {
    const values = decodeCursor(page.after, keys.length);
    const left = keys.map((k) => k.expression).join(', ');
    const right = keys.map((k, i) => `CAST(:cursor${i} AS ${k.type})`).join(', ');
    pageQuery.andWhere(
      `(${left}) ${direction === 'ASC' ? '>' : '<'} (${right})`,
      Object.fromEntries(values.map((v, i) => [`cursor${i}`, v])),
    );
  }
  keys.forEach((k, i) => {
    // Cursor values are read back as Postgres text: exact to the microsecond, unlike a JS Date.
    pageQuery.addSelect(`(${k.expression})::text`, `cursor_key_${i}`);
    if (i === 0) pageQuery.orderBy(k.expression, direction);
    else pageQuery.addOrderBy(k.expression, direction);
  });
  const { entities, raw } = await pageQuery.limit(page.first + 1).getRawAndEntities();
  const hasNextPage = entities.length > page.first;
  const edges = entities.slice(0, page.first).map((row, index) => ({
    cursor: encodeCursor(keys.map((_, i) => String((raw[index] as Record<string, unknown>)[`cursor_key_${i}`]))),
    node: toNode(row),
  }));
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
