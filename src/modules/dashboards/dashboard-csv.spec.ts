import { guardFormula } from '../../common/csv/csv-formula-guard';
import { atRiskTable, recoveryCurveTable, toCsv } from './dashboard-csv';
import { AtRiskCaseModel } from './models/at-risk-case.model';
import { RecoveryMonthModel } from './models/recovery-month.model';
import { ShareModel } from './models/share.model';

const month = (monthIndex: number, currencies: string[]): RecoveryMonthModel => ({
  monthIndex,
  cases: 2,
  averageTrustIndex: 40.5,
  nps: { respondents: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
  averageCsat: null,
  revenueVsBaseline: currencies.map((currency) => ({
    currency,
    revenue: { amountMinor: '9007199254740993', currency },
    baseline: { amountMinor: '2', currency },
    shareBasisPoints: null,
  })),
  retention: ShareModel.of(1, 2),
  promiseKept: { kept: 0, due: 0, rate: null },
});

describe('dashboard CSV', () => {
  it('writes RFC 4180: quotes where needed, CRLF, empty cells for null', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [['x,y', null], ['say "hi"', 3]] })).toBe('a,b\r\n"x,y",\r\n"say ""hi""",3\r\n');
  });

  it('keeps spreadsheet formulas out of free text, not out of numbers', () => {
    for (const text of ['=HYPERLINK("x")', '+A1', '-SUM(A1)', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(text)).toBe(`'${text}`);
    expect(guardFormula('Acme')).toBe('Acme');
    const risky: AtRiskCaseModel = {
      caseId: 'c',
      stakeholderId: 's',
      stakeholderName: '=cmd|calc',
      ownerId: 'o',
      status: 'CONTACTED' as never,
      monthIndex: 1,
      trustIndex: 5,
      band: 'AT_RISK' as never,
      reasons: [
        { code: 'A', message: 'one', points: 10 },
        { code: 'B', message: 'two', points: 2.5 },
      ],
    };
    expect(atRiskTable([risky]).rows[0]).toEqual(['c', 's', "'=cmd|calc", 'o', 'CONTACTED', 1, 5, 'AT_RISK', 'A: one (10); B: two (2.5)']);
  });

  it('gives the recovery curve three revenue columns per currency seen in any month, money exact', () => {
    const table = recoveryCurveTable([month(0, ['USD']), month(1, ['EUR', 'USD'])]);
    expect(table.columns.slice(13)).toEqual([
      'revenue_EUR_minor',
      'baseline_EUR_minor',
      'revenue_share_EUR_basis_points',
      'revenue_USD_minor',
      'baseline_USD_minor',
      'revenue_share_USD_basis_points',
    ]);
    expect(table.rows[0].slice(13)).toEqual([null, null, null, '9007199254740993', '2', null]);
    expect(table.rows[1].slice(13)).toEqual(['9007199254740993', '2', null, '9007199254740993', '2', null]);
  });
});
