import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { TrustComponent } from './trust-component-key.enum';

@ObjectType('TrustComponentValue')
export class TrustComponentModel {
  @Field(() => TrustComponent)
  component: TrustComponent;

  @Field(() => Float, { nullable: true, description: '0 (worst) to 1 (best), to four decimals; null without data, and then its weight goes to the others.' })
  value: number | null;

  @Field(() => Int, { description: 'The configured weight.' })
  weight: number;

  @Field(() => Float, { description: 'Its share of the index: weight over the weights of the components with data (0 without data).' })
  share: number;
}
