import { MoneyModel } from '../../common/money/money.model';
import { CompensationLossRatioModel } from './compensation-loss-ratio.model';
import { LossRatioRow } from './compensation-reporting.service';

/** Money from a SQL sum (a decimal string) and a char(3) currency. */
export const money = (amountMinor: string, currency: string): MoneyModel => MoneyModel.of(amountMinor, currency)!;

export function toLossRatio<T extends CompensationLossRatioModel>(model: T, row: LossRatioRow): T {
  return Object.assign(model, {
    currency: row.currency.trim(),
    issued: money(row.issued, row.currency),
    estimatedLoss: money(row.loss, row.currency),
    ratioBasisPoints: row.ratio,
  });
}
