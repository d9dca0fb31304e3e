import ExcelJS from 'exceljs';

const f = process.argv[2];
const n = Number(process.argv[3] ?? 14);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(f);
for (const ws of wb.worksheets) {
  console.log('## sheet', ws.name, 'merges:', JSON.stringify(ws.model.merges ?? []).slice(0, 400));
  let k = 0;
  ws.eachRow({ includeEmpty: true }, (row, i) => {
    if (k++ < n)
      console.log(
        i,
        JSON.stringify(
          row.values
            .slice(1)
            .map((v) =>
              v && typeof v === 'object'
                ? (v.result ?? v.richText?.map((t) => t.text).join('') ?? JSON.stringify(v))
                : v,
            ),
        ),
      );
  });
}
