import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TrustSettingsEntity } from './trust-settings.entity';

@ObjectType('TrustSettings', { description: 'The trust-index weights and thresholds. Admins change them with updateTrustSettings.' })
export class TrustSettingsModel {
  @Field(() => Int) weightSurveyTrust: number;
  @Field(() => Int) weightNps: number;
  @Field(() => Int) weightSentiment: number;
  @Field(() => Int) weightResponsiveness: number;
  @Field(() => Int) weightRevenue: number;
  @Field(() => Int) weightPromises: number;
  @Field(() => Int, { description: 'Calendar months of signals that count, the as-of month included.' }) lookbackMonths: number;
  @Field(() => Int, { description: 'The most recent months, whose signals count recentWeight times.' }) recentMonths: number;
  @Field(() => Int) recentWeight: number;
  @Field(() => Int) noContactDays: number;
  @Field(() => Int) overduePenaltyPoints: number;
  @Field(() => Int) overduePenaltyCap: number;
  @Field(() => Int) recoveringMin: number;
  @Field(() => Int) recoveredMin: number;
  @Field() updatedAt: Date;

  static from(e: TrustSettingsEntity): TrustSettingsModel {
    const { id: _id, updatedById: _by, ...fields } = e;
    return Object.assign(new TrustSettingsModel(), fields);
  }
}
