import { registerEnumType } from '@nestjs/graphql';

export enum SignalRowStatus {
  CREATED = 'CREATED',
  /** A revenue month recorded before, now with another amount (audited). */
  UPDATED = 'UPDATED',
  /** Already recorded exactly so: nothing changed. */
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
  /** Valid, but not written because another row was rejected and acceptPartial was false. */
  NOT_WRITTEN = 'NOT_WRITTEN',
}

registerEnumType(SignalRowStatus, { name: 'SignalRowStatus' });
