import { isMoneyCurrency, NON_MONEY_CURRENCY_CODES } from './currency-code';

describe('isMoneyCurrency', () => {
  it.each(['EUR', 'USD', 'JPY', 'CHF', 'XAF', 'XOF', 'XPF', 'XCD'])('takes %s, a currency', (code) => {
    expect(isMoneyCurrency(code)).toBe(true);
  });

  it.each([...NON_MONEY_CURRENCY_CODES])('refuses %s, an ISO 4217 code that is no money', (code) => {
    expect(isMoneyCurrency(code)).toBe(false);
  });

  it.each(['eur', 'EURO', 'ABC', '', ' EUR', 42, null])('refuses %j', (code) => {
    expect(isMoneyCurrency(code)).toBe(false);
  });
});
