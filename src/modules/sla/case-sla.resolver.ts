import DataLoader from 'dataloader';
import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Clock } from '../../common/clock/clock';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CaseSlaModel } from './case-sla.model';
import { CaseSla, CaseSlaService } from './case-sla.service';
import { SlaClockModel } from './sla-clock.model';

/** One loader per request, kept beside the request's shared loaders. */
const perRequest = new WeakMap<object, DataLoader<string, CaseSla | null>>();

/** Adds the SLA clocks to RecoveryCase: one query for a whole page of cases. */
@Resolver(() => RecoveryCaseModel)
export class CaseSlaResolver {
  constructor(
    private readonly clocks: CaseSlaService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => CaseSlaModel, { description: "The case's SLA clocks: golden hours and every message answered." })
  async sla(@Root() c: RecoveryCaseModel, @Context() ctx: GraphqlContext): Promise<CaseSlaModel> {
    let loader = perRequest.get(ctx.loaders);
    if (!loader) {
      const now = this.clock.now();
      loader = new DataLoader(async (ids) => {
        const found = await this.clocks.forCases(ids, now);
        return ids.map((id) => found.get(id) ?? null);
      });
      perRequest.set(ctx.loaders, loader);
    }
    const clocks = await loader.load(c.id);
    if (!clocks) throw new Error(`case ${c.id} is missing`);
    return Object.assign(new CaseSlaModel(), {
      goldenHours: SlaClockModel.from(clocks.goldenHours),
      reply: SlaClockModel.from(clocks.reply),
    });
  }
}
