import { QueryFailedError } from 'typeorm';
import { ErrorCode } from './error-code';
import { clientErrorOfPg } from './pg-error';

function failure(fields: Record<string, string>): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error(fields.message ?? 'failed'), { severity: 'ERROR', ...fields }));
}

describe('clientErrorOfPg', () => {
  it.each([
    [{ code: '23514', table: 'users', constraint: 'users_name_check' }, ErrorCode.BadUserInput, /^name is not allowed here \(users\)/],
    [{ code: '23502', table: 'crises', column: 'title' }, ErrorCode.BadUserInput, /^title is required/],
    [{ code: '23503', table: 'meetings', constraint: 'meetings_case_id_fkey', detail: 'Key (case_id)=(…) is not present in table "recovery_cases".' }, ErrorCode.NotFound, /^case_id refers to a record that does not exist/],
    [{ code: '23503', table: 'users', constraint: 'x_fkey', detail: 'Key (id)=(…) is still referenced from table "cases".' }, ErrorCode.Conflict, /still in use/],
    [{ code: '23505', constraint: 'users_email_key' }, ErrorCode.Conflict, /conflicts with an existing record/],
    [{ code: '23P01', constraint: 'meeting_attendees_no_double_booking' }, ErrorCode.Conflict, /conflicts/],
    [{ code: '40001' }, ErrorCode.Conflict, /concurrent change/],
    [{ code: '40P01' }, ErrorCode.Conflict, /concurrent change/],
    [{ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }, ErrorCode.BadUserInput, /U\+0000/],
    [{ code: '22001', message: 'value too long for type character varying(200)' }, ErrorCode.BadUserInput, /value too long/],
  ])('%o is a client error', (fields, code, message) => {
    const error = clientErrorOfPg(failure(fields as Record<string, string>));
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(message);
  });

  it('leaves our own mistakes (a syntax error, a lost connection) and anything not from PostgreSQL alone', () => {
    expect(clientErrorOfPg(failure({ code: '42601' }))).toBeUndefined();
    expect(clientErrorOfPg(failure({ code: '08006' }))).toBeUndefined();
    expect(clientErrorOfPg(new TypeError('x'))).toBeUndefined();
  });
});
