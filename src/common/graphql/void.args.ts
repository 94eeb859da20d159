import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IdArgs } from './id.args';

export const VOID_REASON_MAX = 2000;

/** Voiding a record logged by mistake: which one, and why (kept, and shown with it). */
@ArgsType()
export class VoidArgs extends IdArgs {
  @Field({ description: `Why it is voided, e.g. "logged on the wrong case"; required, up to ${VOID_REASON_MAX} characters.` })
  @IsString()
  @MaxLength(VOID_REASON_MAX)
  reason: string;
}
