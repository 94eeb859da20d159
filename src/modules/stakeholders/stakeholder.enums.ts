import { registerEnumType } from '@nestjs/graphql';

export enum StakeholderKind {
  CUSTOMER = 'CUSTOMER',
  PARTNER = 'PARTNER',
}

export enum StakeholderTier {
  STRATEGIC = 'STRATEGIC',
  KEY = 'KEY',
  STANDARD = 'STANDARD',
}

export enum ContactChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
  VIDEO = 'VIDEO',
  IN_PERSON = 'IN_PERSON',
  LETTER = 'LETTER',
}

registerEnumType(StakeholderKind, {
  name: 'StakeholderKind',
  description: 'Customers (organisations or individual consumers) are owned by agents, partners by partner managers.',
});
registerEnumType(StakeholderTier, { name: 'StakeholderTier' });
registerEnumType(ContactChannel, { name: 'ContactChannel' });
