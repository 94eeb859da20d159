import { guardFormula, unguardFormula } from './csv-formula-guard';

describe('guardFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+cmd|\' /C calc\'!A0', `'+cmd|' /C calc'!A0`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tTabbed', `'\tTabbed`],
    ['\rReturn', `'\rReturn`],
    ["'=already guarded", `''=already guarded`],
    ['-1+1', `'-1+1`],
    ['+', `'+`],
    ['- dash list', `'- dash list`],
  ])('prefixes a formula-like cell %p', (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });

  it.each([
    'Northwind Foods',
    '',
    '-2',
    '-1500',
    '+49 30 1234567',
    '+1 (555) 010-9999',
    '-3.5',
    '2026-12-01T10:00:00.000Z',
    "O'Brien",
    "'quoted",
    'a=b',
    'x@example.com',
  ])('leaves %p alone', (cell) => {
    expect(guardFormula(cell)).toBe(cell);
  });
});

describe('unguardFormula', () => {
  it.each([
    '=HYPERLINK("http://evil.example")',
    "'=already guarded",
    "''@twice",
    '-2',
    '+49 30 1234567',
    "'+49 30 1234567",
    "'quoted",
    "'",
    'plain',
    '',
    '\tTabbed',
  ])('reads back %p exactly after guarding', (cell) => {
    expect(unguardFormula(guardFormula(cell))).toBe(cell);
  });

  it('leaves an apostrophe that guards nothing in place', () => {
    expect(unguardFormula("'quoted")).toBe("'quoted");
    expect(unguardFormula("'-2")).toBe("'-2");
  });
});
