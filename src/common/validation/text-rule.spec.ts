import { textProblem } from './text-rule';

describe('textProblem', () => {
  it('accepts ordinary text, accents, emoji and the empty string', () => {
    for (const value of ['Northwind Foods', 'Crème brûlée & Co. — Zürich', 'Thanks 🙏', '', ' padded ']) {
      expect(textProblem('input.name', 'name', value)).toBeUndefined();
    }
  });

  it('refuses every control character in a single-line field, naming the field and the character', () => {
    for (let code = 0; code <= 0x9f; code += 1) {
      if (code > 0x1f && code < 0x7f) continue;
      const problem = textProblem('input.name', 'name', `A${String.fromCharCode(code)}B`);
      expect(problem).toContain('input.name must not contain control characters');
      expect(problem).toContain(`U+${code.toString(16).toUpperCase().padStart(4, '0')} at position 2`);
    }
  });

  it('lets multi-line fields hold \\n, \\t and \\r\\n, but no other control character', () => {
    expect(textProblem('input.summary', 'summary', 'Line one\r\nLine two\n\tindented')).toBeUndefined();
    expect(textProblem('input.summary', 'summary', 'bad\u0000')).toContain('U+0000');
    expect(textProblem('input.summary', 'summary', 'bell\u0007')).toContain('only line breaks and tabs');
    expect(textProblem('input.name', 'name', 'two\nlines')).toContain('U+000A');
  });

  it('refuses a value of only white space, single- or multi-line', () => {
    expect(textProblem('input.title', 'title', '   ')).toBe('input.title must not be blank (only white space)');
    expect(textProblem('note', 'note', ' \n\t ')).toBe('note must not be blank (only white space)');
  });

  it('lets a search be blank (it lists everything), but not hold control characters', () => {
    expect(textProblem('search', 'search', '   ')).toBeUndefined();
    expect(textProblem('search', 'search', ' \u0000 ')).toContain('U+0000');
  });
});
