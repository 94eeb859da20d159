import { isISO4217CurrencyCode, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * ISO 4217 codes that are not money anyone is paid in: XXX ("no currency"), XTS (testing),
 * precious metals (XAU, XAG, XPD, XPT), the IMF's and the African Development Bank's units of
 * account (XDR, XUA), the SUCRE (XSU) and the European bond-market units (XBA–XBD). The
 * X-codes of real currencies stay: the CFA francs (XAF, XOF), the CFP franc (XPF), and the East
 * Caribbean dollar (XCD).
 */
export const NON_MONEY_CURRENCY_CODES: ReadonlySet<string> = new Set([
  'XXX', 'XTS', 'XAU', 'XAG', 'XPD', 'XPT', 'XDR', 'XUA', 'XSU', 'XBA', 'XBB', 'XBC', 'XBD',
]);

const UPPER_CODE = /^[A-Z]{3}$/;

export const MONEY_CURRENCY_RULE = 'an ISO 4217 code of a currency such as EUR or USD (not XXX or another code that is no money)';

/** An upper-case ISO 4217 code that money can be in: every input of a currency asks this one rule. */
export function isMoneyCurrency(value: unknown): value is string {
  return typeof value === 'string' && UPPER_CODE.test(value) && isISO4217CurrencyCode(value) && !NON_MONEY_CURRENCY_CODES.has(value);
}

/** The class-validator form of isMoneyCurrency, for GraphQL inputs (which upper-case first). */
export function IsMoneyCurrency(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoneyCurrency',
      validator: {
        validate: (value) => isMoneyCurrency(value),
        defaultMessage: (args) => `${args?.property ?? 'currency'} ${JSON.stringify(args?.value)} must be ${MONEY_CURRENCY_RULE}`,
      },
    },
    options,
  );
}
