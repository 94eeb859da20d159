import { nameContainsPattern, STAKEHOLDER_SORT_KEYS, stakeholderSortKeys } from './stakeholder-list.query';

describe('nameContainsPattern', () => {
  it('wraps the trimmed text in wildcards', () => {
    expect(nameContainsPattern('  north ')).toBe('%north%');
  });

  it('takes the LIKE wildcards and the escape character in the text literally', () => {
    expect(nameContainsPattern('50% off')).toBe('%50\\% off%');
    expect(nameContainsPattern('a_b')).toBe('%a\\_b%');
    expect(nameContainsPattern('back\\slash')).toBe('%back\\\\slash%');
  });
});

describe('stakeholderSortKeys', () => {
  it('keeps the indexed name order without a search or with one too short for trigrams', () => {
    expect(stakeholderSortKeys({})).toBe(STAKEHOLDER_SORT_KEYS);
    expect(stakeholderSortKeys({ search: ' ab ' })).toBe(STAKEHOLDER_SORT_KEYS);
  });

  it('sorts a trigram search by an expression the name btree cannot serve, ending with the id', () => {
    const keys = stakeholderSortKeys({ search: 'abc' });
    expect(keys).not.toBe(STAKEHOLDER_SORT_KEYS);
    expect(keys.map((k) => k.expression)).toEqual(["(s.name || '')", 's.id']);
  });
});
