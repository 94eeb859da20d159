import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TrustSnapshotRun', { description: 'A snapshot refresh handed to the worker.' })
export class TrustSnapshotRunModel {
  @Field(() => ID)
  jobId: string;

  @Field({ description: 'False when the same refresh was already waiting or running: it was not queued twice.' })
  queued: boolean;
}
