import { netPromoterScore, npsCategory } from './nps';

describe('netPromoterScore', () => {
  it('is null without respondents', () => {
    expect(netPromoterScore([])).toEqual({ respondents: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it.each([
    [6, 'DETRACTOR'],
    [7, 'PASSIVE'],
    [8, 'PASSIVE'],
    [9, 'PROMOTER'],
    [0, 'DETRACTOR'],
    [10, 'PROMOTER'],
  ] as const)('scores %i as %s (the category edges)', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it('is % promoters minus % detractors, passives counting only as respondents', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toMatchObject({ respondents: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    expect(netPromoterScore([9, 9, 9, 7]).score).toBe(75);
    expect(netPromoterScore([0, 6, 8]).score).toBe(-66.7);
  });

  it('runs from -100 to 100', () => {
    expect(netPromoterScore([10, 9]).score).toBe(100);
    expect(netPromoterScore([6, 0, 3]).score).toBe(-100);
  });

  it('rounds to one decimal half away from zero', () => {
    expect(netPromoterScore([9, 8, 8]).score).toBe(33.3);
    // 1/8 = 12.5% exactly; -1/16 = -6.25 -> -6.3.
    expect(netPromoterScore([9, 8, 8, 8, 8, 8, 8, 8]).score).toBe(12.5);
    expect(netPromoterScore([6, ...Array(15).fill(8)]).score).toBe(-6.3);
  });

  it.each([-1, 11, 7.5, Number.NaN])('refuses %p', (bad) => {
    expect(() => netPromoterScore([bad])).toThrow(RangeError);
  });
});
