import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { AppException } from '../errors/app.exception';
import { CLEARABLE } from '../validation/clearable.decorator';
import { textProblem } from '../validation/text-rule';

/** Input types of partial updates: an omitted field stays, and null clears only a `@Clearable()` field. */
export function isUpdateInputType(name: string): boolean {
  return name.startsWith('Update');
}

export function isClearable(field: GraphQLInputField): boolean {
  return field.extensions?.[CLEARABLE] === true;
}

/** The scalars that carry text a person typed (an ID arrives as a string too). */
const TEXT_SCALARS = new Set(['String', 'ID']);

interface Problem {
  path: string;
  message: string;
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, name: string, problems: Problem[]): void {
  if (value === null || value === undefined) return;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(inner.ofType, item, `${path}[${i}]`, name, problems));
    else checkValue(inner.ofType, value, path, name, problems);
    return;
  }
  if (isScalarType(inner) && TEXT_SCALARS.has(inner.name) && typeof value === 'string') {
    const message = textProblem(path, name, value);
    if (message) problems.push({ path, message });
    return;
  }
  if (isInputObjectType(inner) && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const update = isUpdateInputType(inner.name);
    for (const field of Object.values(inner.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      if (update && record[field.name] === null && !isNonNullType(field.type) && !isClearable(field)) {
        problems.push({ path: fieldPath, message: `${fieldPath} cannot be cleared; omit it to leave it unchanged` });
        continue;
      }
      checkValue(field.type, record[field.name], fieldPath, field.name, problems);
    }
  }
}

/** Every problem of a field's arguments, in argument order. */
export function inputProblems(args: readonly GraphQLArgument[], values: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const arg of args) checkValue(arg.type, values[arg.name], arg.name, arg.name, problems);
  return problems;
}

/**
 * Applies the input rules (text-rule.ts, and null in update inputs) to every field of the
 * schema that takes arguments, before its resolver runs. Done on the built schema rather than
 * by decorating inputs, so that no new argument or input field can be left out: the rule
 * follows the schema's own types, and the same walk is what the tests introspect.
 */
export function applyInputRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length || !field.args.some((a) => needsCheck(a.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      field.resolve = (source, values, context, info) => {
        const problems = inputProblems(args, values);
        if (problems.length) {
          throw AppException.badInput(problems.map((p) => p.message).join('; '), { fields: problems.map((p) => p.path) });
        }
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}

/** Whether a value of this type can hold text or an update input (anything else needs no wrapper). */
function needsCheck(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return TEXT_SCALARS.has(named.name) || isInputObjectType(named);
}
