import { Foundation1764086400000 } from '../../migrations/1764086400000-foundation';

/** Every migration, oldest first. Add new ones here as well as in `migrations/`. */
export const MIGRATIONS = [Foundation1764086400000];
