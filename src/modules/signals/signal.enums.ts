import { registerEnumType } from '@nestjs/graphql';

export enum SurveyKind {
  NPS = 'NPS',
  CSAT = 'CSAT',
  TRUST = 'TRUST',
}

export enum LifecycleEventKind {
  CHURNED = 'CHURNED',
  RENEWED = 'RENEWED',
}

registerEnumType(SurveyKind, { name: 'SurveyKind', description: 'NPS scores 0–10; CSAT and TRUST score 1–5.' });
registerEnumType(LifecycleEventKind, { name: 'LifecycleEventKind' });
