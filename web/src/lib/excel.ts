/** A column of an exported sheet: header text and how to read the cell from a row. */
export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/**
 * Builds an .xlsx in the browser with exceljs (loaded only when someone exports) and downloads it.
 * `onProgress` gets 0–100 while rows are written, so a long table shows progress instead of freezing.
 */
export async function exportSheet<T>(fileName: string, sheetName: string, columns: SheetColumn<T>[], rows: T[], onProgress?: (p: number) => void): Promise<void> {
  onProgress?.(5);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育信用监管系统';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  for (let i = 0; i < rows.length; i++) {
    ws.addRow(columns.map((c) => c.value(rows[i]) ?? ''));
    if (i % 200 === 199) {
      onProgress?.(10 + Math.round((i / rows.length) * 80));
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
    }
  }
  onProgress?.(92);
  const buffer = await wb.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  onProgress?.(100);
}
