import DataLoader from 'dataloader';
import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Clock } from '../../common/clock/clock';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CaseTrustSnapshotEntity } from './case-trust-snapshot.entity';
import { TrustIndexResult } from './trust-index';
import { TrustIndexModel } from './trust-index.model';
import { TrustIndexService } from './trust-index.service';
import { TrustSnapshotModel } from './trust-snapshot.model';

interface TrustLoaders {
  live: DataLoader<string, TrustIndexResult | null>;
  history: DataLoader<string, CaseTrustSnapshotEntity[]>;
}

/** One pair of loaders per request, kept beside the request's shared loaders. */
const perRequest = new WeakMap<object, TrustLoaders>();

/** Adds the trust index to RecoveryCase: a fixed number of statements for a whole page of cases. */
@Resolver(() => RecoveryCaseModel)
export class CaseTrustResolver {
  constructor(
    private readonly trustIndex: TrustIndexService,
    private readonly clock: Clock,
  ) {}

  private loaders(ctx: GraphqlContext): TrustLoaders {
    let loaders = perRequest.get(ctx.loaders);
    if (!loaders) {
      const now = this.clock.now();
      loaders = {
        live: new DataLoader(async (ids) => {
          const found = await this.trustIndex.forCases(ids, now);
          return ids.map((id) => found.get(id) ?? null);
        }),
        history: new DataLoader(async (ids) => {
          const found = await this.trustIndex.historyOf(ids);
          return ids.map((id) => found.get(id) ?? []);
        }),
      };
      perRequest.set(ctx.loaders, loaders);
    }
    return loaders;
  }

  @ResolveField(() => TrustIndexModel, { description: 'The trust index now, with its components, weights and the reasons it is low.' })
  async trust(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<TrustIndexModel> {
    const result = await this.loaders(ctx).live.load(c.id);
    if (!result) throw new Error(`case ${c.id} is missing`);
    return TrustIndexModel.from(result);
  }

  @ResolveField(() => [TrustSnapshotModel], { description: 'The monthly trust snapshots, month 0 (the crisis month) first.' })
  async trustHistory(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<TrustSnapshotModel[]> {
    return (await this.loaders(ctx).history.load(c.id)).map(TrustSnapshotModel.from);
  }
}
