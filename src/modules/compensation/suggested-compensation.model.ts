import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '../../common/money/money.model';
import { CompensationKind } from './compensation.enums';
import { Suggestion } from './entitlements.service';

@ObjectType('SuggestedCompensation', { description: "The crisis's entitlement default for a case: a pre-fill, not a rule." })
export class SuggestedCompensationModel {
  @Field(() => CompensationKind)
  kind: CompensationKind;

  @Field(() => MoneyModel, {
    nullable: true,
    description: "For an extension, months × the partner's baseline revenue; null when that is unknown or in another currency.",
  })
  value: MoneyModel | null;

  @Field(() => Int, { nullable: true })
  extensionMonths: number | null;

  static from(s: Suggestion): SuggestedCompensationModel {
    return Object.assign(new SuggestedCompensationModel(), {
      kind: s.entitlement.kind,
      value: MoneyModel.of(s.valueMinor, s.currency),
      extensionMonths: s.entitlement.extensionMonths,
    });
  }
}
