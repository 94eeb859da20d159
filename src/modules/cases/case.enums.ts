import { registerEnumType } from '@nestjs/graphql';

export enum ImpactLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum CaseStatus {
  IDENTIFIED = 'IDENTIFIED',
  CONTACTED = 'CONTACTED',
  COMPENSATING = 'COMPENSATING',
  RECOVERING = 'RECOVERING',
  RECOVERED = 'RECOVERED',
  CHURNED = 'CHURNED',
}

/** Declared most urgent first; the database enum sorts in the same order. */
export enum CasePriority {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}

registerEnumType(ImpactLevel, { name: 'ImpactLevel' });
registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(CasePriority, { name: 'CasePriority', description: 'Most urgent first.' });
