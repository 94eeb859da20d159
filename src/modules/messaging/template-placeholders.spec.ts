import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { placeholdersOf, renderTemplate } from './template-placeholders';

function caught(fn: () => unknown): AppException {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return error as AppException;
  }
  throw new Error('expected a refusal');
}

const VALUES = {
  'agent.name': 'Ana Agent',
  'contact.name': 'Dana <Ops> & Co',
  'contact.title': 'Head of Operations',
  'stakeholder.name': 'Northwind Foods',
  'crisis.title': 'Thermostat fault',
};

describe('template placeholders', () => {
  it('lists the placeholders used, once each, in order', () => {
    expect(placeholdersOf('Dear {{contact.name}}, {{ agent.name }} here. {{contact.name}} {{!-- note --}}')).toEqual([
      'contact.name',
      'agent.name',
    ]);
    expect(placeholdersOf('No placeholders at all.')).toEqual([]);
  });

  it.each([
    ['{{contact.phone}}', /Unknown placeholder \{\{contact.phone\}\}/],
    ['{{name}}', /Unknown placeholder \{\{name\}\}/],
    ['{{#if contact.name}}x{{/if}}', /only contain plain placeholders/],
    ['{{> footer}}', /only contain plain placeholders/],
    ['{{{contact.name}}}', /instead of a raw/],
    ['{{lookup contact "name"}}', /Unknown placeholder/],
    ['{{contact.name', /not a valid template/],
  ])('refuses %s with BAD_USER_INPUT', (source, message) => {
    const error = caught(() => placeholdersOf(source));
    expect(error.code).toBe(ErrorCode.BadUserInput);
    expect(error.message).toMatch(message);
  });

  it('renders with HTML escaping for email and without it elsewhere', () => {
    const source = 'Dear {{contact.name}} ({{contact.title}}) at {{stakeholder.name}}: about {{crisis.title}}. {{agent.name}}';
    expect(renderTemplate(source, VALUES, { escapeHtml: false })).toBe(
      'Dear Dana <Ops> & Co (Head of Operations) at Northwind Foods: about Thermostat fault. Ana Agent',
    );
    expect(renderTemplate('Dear {{contact.name}}', VALUES, { escapeHtml: true })).toBe('Dear Dana &lt;Ops&gt; &amp; Co');
  });

  it.each([null, undefined, '', '   '])('refuses a missing value (%p), naming the placeholder', (missing) => {
    const error = caught(() => renderTemplate('Hi {{contact.title}} {{agent.name}}', { ...VALUES, 'contact.title': missing }, { escapeHtml: false }));
    expect(error.code).toBe(ErrorCode.BadUserInput);
    expect(error.message).toContain('{{contact.title}}');
    expect(error.details.missingPlaceholders).toEqual(['contact.title']);
  });

  it('renders the case coupon code', () => {
    expect(renderTemplate('Code {{case.couponCode}}', { 'case.couponCode': 'ABCD-EFGH-JKMN' }, { escapeHtml: false })).toBe('Code ABCD-EFGH-JKMN');
  });

  it('does not need values the template does not use', () => {
    expect(renderTemplate('Hello {{agent.name}}', { 'agent.name': 'Ana' }, { escapeHtml: false })).toBe('Hello Ana');
  });
});
