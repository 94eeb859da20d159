import { AppException } from '../errors/app.exception';
import { VOID_REASON_MAX } from '../graphql/void.args';

/** A void needs a reason a reader of the record can understand later. */
export function voidReason(reason: string): string {
  const why = reason.trim();
  if (!why) throw AppException.badInput('reason must not be blank: say why it is voided (e.g. logged on the wrong case)', { fields: ['reason'] });
  if (why.length > VOID_REASON_MAX) throw AppException.badInput(`reason is ${why.length} characters; at most ${VOID_REASON_MAX}`, { fields: ['reason'] });
  return why;
}
