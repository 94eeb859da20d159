import { registerEnumType } from '@nestjs/graphql';

export enum CrisisCategory {
  PRODUCT_QUALITY = 'PRODUCT_QUALITY',
  SERVICE_OUTAGE = 'SERVICE_OUTAGE',
  DATA_BREACH = 'DATA_BREACH',
  ETHICS = 'ETHICS',
  MARKETING = 'MARKETING',
  EMPLOYEE_CONDUCT = 'EMPLOYEE_CONDUCT',
  EXTERNAL_EVENT = 'EXTERNAL_EVENT',
  COMPETITOR_ATTACK = 'COMPETITOR_ATTACK',
}

export enum CrisisSeverity {
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
  CRITICAL = 'CRITICAL',
}

export enum CrisisPhase {
  MITIGATION = 'MITIGATION',
  PREPAREDNESS = 'PREPAREDNESS',
  RESPONSE = 'RESPONSE',
  RECOVERY = 'RECOVERY',
  CLOSED = 'CLOSED',
}

registerEnumType(CrisisCategory, { name: 'CrisisCategory' });
registerEnumType(CrisisSeverity, { name: 'CrisisSeverity', description: 'Drives how intense outreach is.' });
registerEnumType(CrisisPhase, { name: 'CrisisPhase' });
