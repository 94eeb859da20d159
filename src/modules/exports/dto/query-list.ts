import { Transform } from 'class-transformer';

/**
 * A list in a query string, given as repeated parameters (`status=A&status=B`), comma-separated
 * (`status=A,B`) or both. Anything else is left for the validators to refuse.
 */
export const QueryList = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'string') return value.split(',');
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap((v: string) => v.split(','));
    return value;
  });
