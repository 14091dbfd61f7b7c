/**
 * Excel workbooks (.xlsx): the first sheet becomes CSV text, its first row
 * the column names, so a spreadsheet is read exactly like the same sheet
 * saved as CSV. The reader (read-excel-file) is loaded only when a
 * workbook is opened; see spreadsheetToCsv's caller in App.tsx.
 */
import { readSheet, type CellValue } from 'read-excel-file/browser';

/** One cell as CSV text: dates as ISO 8601, quoted when it holds a comma, quote or line break. */
function csvCell(value: CellValue | null): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The first sheet of an .xlsx file as CSV text; rows that are entirely empty are left out. */
export async function spreadsheetToCsv(file: Blob): Promise<string> {
  const rows = await readSheet(file);
  return rows
    .filter((row) => row.some((cell) => cell !== null && cell !== ''))
    .map((row) => row.map(csvCell).join(','))
    .join('\n')
    .concat('\n');
}
