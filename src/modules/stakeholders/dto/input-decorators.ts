import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, NotEquals, ValidateBy, ValidateIf } from 'class-validator';
import { isCalendarDate } from '../stakeholder-field-rules';

/** Surrounding spaces are never meaningful in names and references. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/**
 * For partial updates of required columns: omitted means "leave as is", while null is
 * refused (the column cannot be empty). Put it before the field's other validators.
 */
export function OptionalButNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_: unknown, value: unknown) => value !== undefined),
    NotEquals(null, { message: '$property cannot be cleared; omit it to leave it unchanged' }),
  );
}

/** A calendar date such as 2027-12-31 (no time, so no time zone can shift it); the rule is isCalendarDate. */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '$property must be a real calendar date',
      },
    }),
  );
}
