import Handlebars from 'handlebars';
import { AppException } from '../../common/errors/app.exception';

/** The values a template may use, each with what a person must fix when it is missing. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'agent.name': 'the name of the agent sending the message',
  'contact.name': "the contact person's name (pick a contact)",
  'contact.title': "the contact person's job title (record it on the contact)",
  'stakeholder.name': "the stakeholder's name",
  'crisis.title': "the crisis's title",
  'case.couponCode': 'the code of a coupon issued on this case (issue one first)',
};

export type PlaceholderValues = Partial<Record<string, string | null | undefined>>;

function refuse(message: string, extra: Record<string, unknown> = {}): never {
  throw AppException.badInput(message, { fields: ['body'], ...extra });
}

function parse(source: string, field: string): hbs.AST.Program {
  try {
    return Handlebars.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return refuse(`The ${field} is not a valid template: ${reason}`, { fields: [field] });
  }
}

/**
 * The placeholder names a template uses, in order of first use. Only plain `{{a.b}}`
 * placeholders from PLACEHOLDERS are accepted: no helpers, blocks, partials or raw `{{{ }}}`,
 * so a template can neither run logic nor bypass the channel's escaping.
 */
export function placeholdersOf(source: string, field = 'body'): string[] {
  const used: string[] = [];
  for (const statement of parse(source, field).body) {
    if (statement.type === 'ContentStatement' || statement.type === 'CommentStatement') continue;
    if (statement.type !== 'MustacheStatement') {
      refuse(`The ${field} may only contain plain placeholders such as {{contact.name}}; blocks, partials and helpers are not supported`, {
        fields: [field],
      });
    }
    const mustache = statement as hbs.AST.MustacheStatement;
    const path = mustache.path as hbs.AST.PathExpression;
    const name = path.type === 'PathExpression' ? path.original : String((mustache.path as { original?: unknown }).original);
    if (!mustache.escaped) {
      refuse(`Write {{${name}}} instead of a raw {{{${name}}}}; the channel decides how values are escaped`, { fields: [field] });
    }
    if (path.type !== 'PathExpression' || mustache.params.length > 0 || mustache.hash || !(name in PLACEHOLDERS)) {
      refuse(`Unknown placeholder {{${name}}} in the ${field}; use one of ${Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`).join(', ')}`, {
        fields: [field],
        placeholder: name,
      });
    }
    if (!used.includes(name)) used.push(name);
  }
  return used;
}

function nest(values: PlaceholderValues, names: string[]): Record<string, Record<string, string>> {
  const context: Record<string, Record<string, string>> = {};
  for (const name of names) {
    const [group, key] = name.split('.');
    (context[group] ??= {})[key] = values[name] as string;
  }
  return context;
}

/**
 * Renders with Handlebars in strict mode. A placeholder without a value (null, blank) is refused
 * with BAD_USER_INPUT naming it: a message must never go out with a blank in it.
 */
export function renderTemplate(source: string, values: PlaceholderValues, options: { escapeHtml: boolean }): string {
  const names = placeholdersOf(source);
  const missing = names.filter((name) => !values[name]?.trim());
  if (missing.length > 0) {
    throw AppException.badInput(
      `Cannot render: no value for ${missing.map((m) => `{{${m}}} (${PLACEHOLDERS[m]})`).join(', ')}`,
      { missingPlaceholders: missing },
    );
  }
  const template = Handlebars.compile(source, { strict: true, noEscape: !options.escapeHtml, knownHelpersOnly: true });
  return template(nest(values, names));
}
