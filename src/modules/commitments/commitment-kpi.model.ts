import { Field, ObjectType } from '@nestjs/graphql';
import { KpiMeasurementModel } from './kpi-measurement.model';

@ObjectType('CommitmentKpi', { description: 'How keeping the promise is measured.' })
export class CommitmentKpiModel {
  @Field()
  name: string;

  @Field({ description: 'An exact decimal, as a string.' })
  target: string;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => [KpiMeasurementModel], { description: 'Oldest first.' })
  measurements: KpiMeasurementModel[];
}
