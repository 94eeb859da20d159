import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SurveyKind } from '../signals/signal.enums';
import { SurveyScoresModel } from './survey-scores.model';
import { TrustBand } from './trust-band.enum';
import { TrustComponentModel } from './trust-component.model';
import { TRUST_COMPONENT_OF } from './trust-component-key.enum';
import { TrustIndexResult } from './trust-index';
import { TrustReasonModel } from './trust-reason.model';
import { listOf } from '../../common/graphql/cost/query-cost';
import { TRUST_COMPONENTS } from './trust-component';
import { MAX_REASONS } from './trust-reasons';

const scores = (s: Record<SurveyKind, number | null>) =>
  Object.assign(new SurveyScoresModel(), { nps: s[SurveyKind.NPS], csat: s[SurveyKind.CSAT], trust: s[SurveyKind.TRUST] });

@ObjectType('TrustIndex', { description: 'A case’s trust index, 0–100, with what it is made of and why it is low.' })
export class TrustIndexModel {
  @Field()
  asOf: Date;

  @Field(() => Int)
  index: number;

  @Field(() => TrustBand)
  band: TrustBand;

  @Field(() => [TrustComponentModel], { complexity: listOf(TRUST_COMPONENTS.length) })
  components: TrustComponentModel[];

  @Field(() => Int, { description: 'Our overdue commitments and outreach tasks.' })
  overdueItems: number;

  @Field(() => Int, { description: 'Points the overdue items take off (capped).' })
  penaltyPoints: number;

  @Field(() => [TrustReasonModel], { description: 'At most three, most costly first.', complexity: listOf(MAX_REASONS) })
  reasons: TrustReasonModel[];

  @Field(() => SurveyScoresModel)
  latestScores: SurveyScoresModel;

  @Field(() => SurveyScoresModel, { description: 'The latest answers from before the crisis started.' })
  preCrisisScores: SurveyScoresModel;

  static from(r: TrustIndexResult): TrustIndexModel {
    const used = r.components.filter((c) => c.basisPoints !== null).reduce((sum, c) => sum + c.weight, 0);
    return Object.assign(new TrustIndexModel(), {
      asOf: r.asOf,
      index: r.index,
      band: r.band,
      components: r.components.map((c) =>
        Object.assign(new TrustComponentModel(), {
          component: TRUST_COMPONENT_OF[c.key],
          value: c.basisPoints === null ? null : c.basisPoints / 10_000,
          weight: c.weight,
          share: c.basisPoints === null || used === 0 ? 0 : c.weight / used,
        }),
      ),
      overdueItems: r.overdueItems,
      penaltyPoints: r.penaltyPoints,
      reasons: r.reasons.map((x) => Object.assign(new TrustReasonModel(), x)),
      latestScores: scores(r.latest),
      preCrisisScores: scores(r.preCrisis),
    });
  }
}
