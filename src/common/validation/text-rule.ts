/**
 * The one rule for text a person sends us, applied to every string argument and every string
 * field of every input by the GraphQL input rules (src/common/graphql/input-rules.ts) and to
 * every query, path and body parameter of the HTTP routes (text-input.pipe.ts).
 *
 * - No control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). PostgreSQL
 *   refuses U+0000 outright, and the others are never typed on purpose: they come from a
 *   broken client or a copy from a binary file, and would corrupt CSV exports and calendars.
 * - Multi-line fields (a summary, description, note, comment, template body, agenda, reason)
 *   may hold line breaks and tabs: \n, \t and \r (\r\n is how Windows browsers send a line).
 * - A value that is not empty but only white space is refused: every required name or title is
 *   trimmed and checked non-blank by the database, and an optional field of spaces means
 *   nothing. The empty string is left to each field's own validators (it may mean "none").
 *   A search is the exception: a search box of spaces lists everything, as an empty one does.
 */

/** Argument and input field names whose values are multi-line prose. */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set([
  'agenda',
  'body',
  'comment',
  'description',
  'justification',
  'note',
  'outcomeSummary',
  'reason',
  'summary',
]);

/** Names of arguments whose blank value means "no filter" rather than a mistake. */
export const BLANK_ALLOWED_FIELDS: ReadonlySet<string> = new Set(['search']);

const LINE_BREAKS = new Set(['\n', '\r', '\t']);
// eslint-disable-next-line no-control-regex
const CONTROL = /\p{Cc}/gu;

export function isMultiLineField(name: string): boolean {
  return MULTI_LINE_FIELDS.has(name);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` is not acceptable text for the field at `path` (named in the message), or
 * undefined when it is. `fieldName` is the last segment of the path, which decides multi-line.
 */
export function textProblem(path: string, fieldName: string, value: string): string | undefined {
  const multiLine = isMultiLineField(fieldName);
  for (const match of value.matchAll(CONTROL)) {
    const char = match[0];
    if (multiLine && LINE_BREAKS.has(char)) continue;
    const allowed = multiLine ? 'only line breaks and tabs are allowed' : 'it is a single line of text';
    return `${path} must not contain control characters (${codePoint(char)} at position ${match.index! + 1}); ${allowed}`;
  }
  if (value.length > 0 && value.trim() === '' && !BLANK_ALLOWED_FIELDS.has(fieldName)) {
    return `${path} must not be blank (only white space)`;
  }
  return undefined;
}
