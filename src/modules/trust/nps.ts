/**
 * Net Promoter Score over respondents: the percentage of promoters (9–10) minus the
 * percentage of detractors (0–6), from −100 to 100; null without respondents. Pass one score
 * per respondent (their latest). Rounded to one decimal, half away from zero.
 */
export interface NpsResult {
  respondents: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
}

export function npsCategory(score: number): 'PROMOTER' | 'PASSIVE' | 'DETRACTOR' {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`An NPS score is a whole number from 0 to 10, not ${score}`);
  return score >= 9 ? 'PROMOTER' : score >= 7 ? 'PASSIVE' : 'DETRACTOR';
}

export function netPromoterScore(scores: readonly number[]): NpsResult {
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    const category = npsCategory(s);
    if (category === 'PROMOTER') promoters += 1;
    else if (category === 'DETRACTOR') detractors += 1;
  }
  const respondents = scores.length;
  const passives = respondents - promoters - detractors;
  if (respondents === 0) return { respondents, promoters, passives, detractors, score: null };
  // Tenths of a point from integers, so 1/3 of respondents reads 33.3 and never 33.29999.
  const tenths = Math.round(Math.abs(1000 * (promoters - detractors)) / respondents) * Math.sign(promoters - detractors);
  return { respondents, promoters, passives, detractors, score: tenths / 10 };
}
