import { registerEnumType } from '@nestjs/graphql';

export enum CommitmentParty {
  OURS = 'OURS',
  THEIRS = 'THEIRS',
}

export enum CommitmentStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}

registerEnumType(CommitmentParty, { name: 'CommitmentParty', description: 'Who promised: one of our users, or the stakeholder’s side.' });
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus' });
