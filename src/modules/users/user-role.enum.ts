import { registerEnumType } from '@nestjs/graphql';

export enum UserRole {
  AGENT = 'AGENT',
  PARTNER_MANAGER = 'PARTNER_MANAGER',
  COMMS = 'COMMS',
  LEADERSHIP = 'LEADERSHIP',
  ADMIN = 'ADMIN',
}

registerEnumType(UserRole, { name: 'UserRole', description: 'Each user has exactly one role.' });
