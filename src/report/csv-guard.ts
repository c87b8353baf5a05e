/**
 * Spreadsheet formula injection: a CSV cell that starts with `=`, `+`, `-` or `@` (or a tab or a
 * carriage return, which some spreadsheets skip before reading one of those) is run as a formula
 * when the file is opened, and ids, reasons and error messages can come from anyone's input. Such a
 * cell gets a leading `'`, which spreadsheets show as text and do not display, as OWASP advises.
 * Kept in a module of its own: every CSV writer calls it on every cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell, made inert for spreadsheets when it would start a formula. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
