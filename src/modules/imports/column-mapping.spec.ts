import { columnPositions, detectDelimiter, guessMapping, reviewMapping } from './column-mapping';
import { STAKEHOLDER_CSV_COLUMNS, STAKEHOLDER_CSV_HEADERS } from './stakeholder-csv-columns';

describe('column mapping', () => {
  it('maps the exported headers to themselves', () => {
    const mapping = guessMapping(STAKEHOLDER_CSV_HEADERS, STAKEHOLDER_CSV_COLUMNS);
    expect(mapping.map((m) => m.column)).toEqual([...STAKEHOLDER_CSV_HEADERS]);
    expect(reviewMapping(mapping, STAKEHOLDER_CSV_COLUMNS)).toEqual({ unknownHeaders: [], missingRequired: [], problems: [] });
  });

  it('ignores case, spaces, underscores and dashes, and knows obvious synonyms', () => {
    const mapping = guessMapping(['Customer ID', 'KIND', 'Name', 'E-mail', 'Time-Zone', 'Favourite colour'], STAKEHOLDER_CSV_COLUMNS);
    expect(mapping.map((m) => m.column)).toEqual(['external_ref', 'kind', 'name', 'contact_email', 'time_zone', null]);
    expect(reviewMapping(mapping, STAKEHOLDER_CSV_COLUMNS).unknownHeaders).toEqual(['Favourite colour']);
  });

  it('gives a column to the first header only and reports missing required columns', () => {
    const mapping = guessMapping(['name', 'Name', 'kind'], STAKEHOLDER_CSV_COLUMNS);
    expect(mapping.map((m) => m.column)).toEqual(['name', null, 'kind']);
    expect(reviewMapping(mapping, STAKEHOLDER_CSV_COLUMNS).missingRequired).toEqual(['external_ref']);
  });

  it('finds an edited mapping that names a column twice or one that does not exist', () => {
    const review = reviewMapping(
      [
        { header: 'a', column: 'name' },
        { header: 'b', column: 'name' },
        { header: 'c', column: 'shoe_size' },
      ],
      STAKEHOLDER_CSV_COLUMNS,
    );
    expect(review.problems).toEqual(['name is mapped from more than one header', '"c" is mapped to shoe_size, which is not a column of this import']);
  });

  it('locates each column in the row', () => {
    const positions = columnPositions(guessMapping(['name', 'x', 'external_ref'], STAKEHOLDER_CSV_COLUMNS), STAKEHOLDER_CSV_COLUMNS);
    expect(positions[0]).toBe(2);
    expect(positions[2]).toBe(0);
    expect(positions[1]).toBe(-1);
  });

  it('detects the separator from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('external_ref;kind;name')).toBe(';');
    expect(detectDelimiter('external_ref,kind,name')).toBe(',');
    expect(detectDelimiter('"a;b;c",kind')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});
