import { registerEnumType } from '@nestjs/graphql';

export enum CompensationKind {
  REFUND = 'REFUND',
  COUPON = 'COUPON',
  CONTRACT_EXTENSION = 'CONTRACT_EXTENSION',
  SERVICE_CREDIT = 'SERVICE_CREDIT',
  CUSTOM = 'CUSTOM',
}

export enum CompensationStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  ISSUED = 'ISSUED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/** What the stakeholder said to issued compensation. */
export enum CompensationResponse {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(CompensationKind, { name: 'CompensationKind' });
registerEnumType(CompensationStatus, { name: 'CompensationStatus' });
registerEnumType(CompensationResponse, { name: 'CompensationResponse' });
