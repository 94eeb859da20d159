import DataLoader from 'dataloader';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { BurnDownGranularity } from './burn-down-granularity.enum';
import { BurnDownRow, CompensationBudgetService } from './compensation-budget.service';
import { CaseLossRatioRow, CompensationReportingService } from './compensation-reporting.service';

/** Per-request batch loaders of the reporting fields, kept beside the request's shared loaders. */
export interface ReportingLoaders {
  lossRatioByCaseId: DataLoader<string, CaseLossRatioRow | null>;
  /** Keyed by `${crisisId}|${granularity}`: all currencies' series in one query. */
  burnDown: DataLoader<string, BurnDownRow[]>;
}

const perRequest = new WeakMap<object, ReportingLoaders>();

export function reportingLoaders(
  ctx: GraphqlContext,
  reporting: CompensationReportingService,
  budgets: CompensationBudgetService,
): ReportingLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = {
      lossRatioByCaseId: new DataLoader(async (ids) => {
        const rows = new Map((await reporting.caseLossRatios(ids)).map((r) => [r.caseId, r]));
        return ids.map((id) => rows.get(id) ?? null);
      }),
      burnDown: new DataLoader(
        (keys) =>
          Promise.all(
            keys.map((key) => {
              const [crisisId, granularity] = key.split('|');
              return budgets.burnDown(crisisId, granularity as BurnDownGranularity);
            }),
          ),
        { batch: false },
      ),
    };
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}
