/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @, a tab
 * or a carriage return is run as a formula when the file is opened in Excel or LibreOffice.
 * The export prefixes such cells with an apostrophe, which spreadsheets show as text.
 *
 * Numbers and phone numbers are left alone: "-2" (a sentiment) or "+49 30 1234567" cannot
 * call a function (that needs letters), and prefixing them would change them on re-import.
 * So only a cell with something other than digits, spaces and ( ) . - / after its sign is
 * guarded.
 *
 * The guard is reversible: a cell that already starts with apostrophes before a trigger gets
 * one more, and `unguardFormula` removes exactly one, so an import that applies it reads back
 * exactly what was exported.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const NUMBER_OR_PHONE = /^[+-]?[0-9][0-9 ().\-/]*$/;

export function guardFormula(cell: string): string {
  if (!GUARDED.test(cell) || NUMBER_OR_PHONE.test(cell)) return cell;
  return `'${cell}`;
}

/** The inverse of guardFormula, for an import reading an exported file. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell.slice(1)) && !NUMBER_OR_PHONE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

const sqlPattern = (pattern: RegExp) => `'${pattern.source.replace(/'/g, "''")}'`;

/**
 * guardFormula as a SQL expression over a text `expression`, for files PostgreSQL writes itself
 * (COPY … TO STDOUT). The same patterns: PostgreSQL's regular expressions read them alike.
 */
export function guardFormulaSql(expression: string): string {
  return `CASE WHEN ${expression} ~ ${sqlPattern(GUARDED)} AND ${expression} !~ ${sqlPattern(NUMBER_OR_PHONE)} THEN '''' || ${expression} ELSE ${expression} END`;
}
