import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SurveyKind } from './signal.enums';
import { SurveyResponseEntity } from './survey-response.entity';

@ObjectType('SurveyResponse')
export class SurveyResponseModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  stakeholderId: string;

  @Field(() => ID, { nullable: true })
  contactId: string | null;

  @Field(() => SurveyKind)
  kind: SurveyKind;

  @Field(() => Int)
  score: number;

  @Field()
  respondedAt: Date;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  isPreCrisis: boolean;

  @Field(() => ID)
  recordedById: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when it was voided (recorded by mistake): kept, but left out of every figure.' })
  voidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  voidedById: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  voidReason: string | null;

  static from(e: SurveyResponseEntity): SurveyResponseModel {
    return Object.assign(new SurveyResponseModel(), {
      id: e.id,
      caseId: e.caseId,
      stakeholderId: e.stakeholderId,
      contactId: e.contactId,
      kind: e.kind,
      score: e.score,
      respondedAt: e.respondedAt,
      comment: e.comment,
      isPreCrisis: e.isPreCrisis,
      recordedById: e.recordedById,
      createdAt: e.createdAt,
      voidedAt: e.voidedAt ?? null,
      voidedById: e.voidedById ?? null,
      voidReason: e.voidReason ?? null,
    });
  }
}
