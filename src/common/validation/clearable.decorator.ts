import { applyDecorators } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

/** The schema extension the input rules read: this field of an update input may be cleared by null. */
export const CLEARABLE = 'clearable';

/**
 * On a field of an `Update…` input whose column may be empty: an explicit null clears it.
 * Every other nullable field of an update input refuses null (the input rules,
 * src/common/graphql/input-rules.ts), since there null could only mean "break the record".
 */
export function Clearable(): PropertyDecorator {
  return applyDecorators(Extensions({ [CLEARABLE]: true }), IsOptional());
}
