// exceljs takes about a second to import on a busy 2-core machine and only imports, exports and data
// packages use it: loaded on first use, not on the path of `npm start` (docs/decisions/0010).
export const loadExcelJs = async () => (await import('exceljs')).default;
