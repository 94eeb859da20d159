import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../../common/database/escape-like';
import { SortKey } from '../../common/pagination/keyset';
import { StakeholderKind, StakeholderTier } from './stakeholder.enums';
import { StakeholderEntity } from './stakeholder.entity';

export interface StakeholderFilters {
  search?: string | null;
  kind?: StakeholderKind | null;
  segment?: string | null;
  region?: string | null;
  ownerId?: string | null;
  tier?: StakeholderTier | null;
}

/** Name, then id: the order of the stakeholders_name_idx (name, id) btree. */
export const STAKEHOLDER_SORT_KEYS: SortKey[] = [
  { expression: 's.name', type: 'varchar' },
  { expression: 's.id', type: 'uuid' },
];

/**
 * The same order for a name search, through an expression the btree cannot provide. Sorting
 * by the bare column lets the planner walk stakeholders_name_idx in name order and filter,
 * which reads most of the table when the matches cluster in the alphabet (every "Northwind …"
 * sorts under N; see the benchmark). This makes it fetch the matches through the trigram
 * index and sort only those. `name || ''` is text in the same collation: it sorts exactly
 * like the column.
 */
const NAME_SEARCH_SORT_KEYS: SortKey[] = [
  { expression: "(s.name || '')", type: 'text' },
  { expression: 's.id', type: 'uuid' },
];

/** Fewer characters than this give pg_trgm no trigram to look up. */
const TRIGRAM_LENGTH = 3;

export function stakeholderSortKeys(filters: StakeholderFilters): SortKey[] {
  const search = filters.search?.trim() ?? '';
  return search.length >= TRIGRAM_LENGTH ? NAME_SEARCH_SORT_KEYS : STAKEHOLDER_SORT_KEYS;
}

/** The ILIKE pattern for "name contains this text", with the user's %, _ and \ taken literally. */
export function nameContainsPattern(text: string): string {
  return `%${escapeLike(text.trim())}%`;
}

/**
 * The filtered stakeholder query behind the `stakeholders` list; the benchmark and the
 * index test run this same builder. `name ILIKE '%…%'` is served by the
 * stakeholders_name_trgm_idx GIN index once the text has three or more characters
 * (trigrams); shorter text still works, by scanning.
 */
export function stakeholderListQuery(manager: EntityManager, filters: StakeholderFilters): SelectQueryBuilder<StakeholderEntity> {
  const query = manager.createQueryBuilder(StakeholderEntity, 's');
  const search = filters.search?.trim();
  if (search) query.andWhere('s.name ILIKE :namePattern', { namePattern: nameContainsPattern(search) });
  if (filters.kind) query.andWhere('s.kind = :kind', { kind: filters.kind });
  if (filters.segment) query.andWhere('s.segment = :segment', { segment: filters.segment });
  if (filters.region) query.andWhere('s.region = :region', { region: filters.region });
  if (filters.ownerId) query.andWhere('s.owner_id = :ownerId', { ownerId: filters.ownerId });
  if (filters.tier) query.andWhere('s.tier = :tier', { tier: filters.tier });
  return query;
}
