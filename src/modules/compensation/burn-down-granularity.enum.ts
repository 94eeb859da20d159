import { registerEnumType } from '@nestjs/graphql';

export enum BurnDownGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
}

registerEnumType(BurnDownGranularity, {
  name: 'BurnDownGranularity',
  description: 'Periods of the burn-down series, in UTC; weeks start on Monday (ISO).',
});
