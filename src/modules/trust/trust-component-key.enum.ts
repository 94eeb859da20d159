import { registerEnumType } from '@nestjs/graphql';
import { TrustComponentKey } from './trust-component';

export enum TrustComponent {
  SURVEY_TRUST = 'SURVEY_TRUST',
  NPS = 'NPS',
  SENTIMENT = 'SENTIMENT',
  RESPONSIVENESS = 'RESPONSIVENESS',
  REVENUE = 'REVENUE',
  PROMISES = 'PROMISES',
}

export const TRUST_COMPONENT_OF: Readonly<Record<TrustComponentKey, TrustComponent>> = {
  surveyTrust: TrustComponent.SURVEY_TRUST,
  nps: TrustComponent.NPS,
  sentiment: TrustComponent.SENTIMENT,
  responsiveness: TrustComponent.RESPONSIVENESS,
  revenue: TrustComponent.REVENUE,
  promises: TrustComponent.PROMISES,
};

registerEnumType(TrustComponent, { name: 'TrustComponent', description: 'The weighted parts of the trust index (README, "The trust index").' });
