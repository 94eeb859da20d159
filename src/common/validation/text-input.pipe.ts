import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { textProblem } from './text-rule';

/** An object literal or a parsed query string (which has no Object prototype); never a Date, a Buffer or a stream. */
function isPlainObject(value: object): boolean {
  const ctor: unknown = value.constructor;
  return ctor === Object || ctor === undefined;
}

/** The text rule over a plain value (an object of query parameters, a form), naming each field by its path. */
export function plainTextProblems(value: unknown, path: string, name: string, problems: { path: string; message: string }[] = []) {
  if (typeof value === 'string') {
    const message = textProblem(path, name, value);
    if (message) problems.push({ path, message });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => plainTextProblems(item, `${path}[${i}]`, name, problems));
  } else if (value && typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) plainTextProblems(item, path ? `${path}.${key}` : key, key, problems);
  }
  return problems;
}

/** Throws BAD_USER_INPUT naming every field whose text breaks the rule. */
export function assertPlainText(value: unknown, path = '', name = path): void {
  const problems = plainTextProblems(value, path, name);
  if (problems.length) throw AppException.badInput(problems.map((p) => p.message).join('; '), { fields: problems.map((p) => p.path) });
}

/**
 * The text rule for the plain HTTP routes (CSV exports and dashboards): every query, path and
 * body parameter. GraphQL arguments are checked against the schema by the input rules
 * (src/common/graphql/input-rules.ts), which know each field's type; this pipe leaves them be.
 */
@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'query' || metadata.type === 'param' || metadata.type === 'body') {
      assertPlainText(value, metadata.data ?? '', metadata.data ?? '');
    }
    return value;
  }
}
