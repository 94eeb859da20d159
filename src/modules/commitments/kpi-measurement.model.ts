import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommitmentKpiMeasurementEntity } from './commitment-kpi-measurement.entity';

@ObjectType('KpiMeasurement')
export class KpiMeasurementModel {
  @Field(() => ID)
  id: string;

  @Field()
  measuredAt: Date;

  @Field({ description: 'An exact decimal, as a string (e.g. "97.5").' })
  value: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  static from(e: CommitmentKpiMeasurementEntity): KpiMeasurementModel {
    return Object.assign(new KpiMeasurementModel(), { id: e.id, measuredAt: e.measuredAt, value: trimDecimal(e.value), note: e.note });
  }
}

/** numeric(20,4) comes back as "97.5000"; people read "97.5". */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
