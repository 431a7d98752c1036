#!/bin/sh
# One-off check, not part of the tests or CI: the checked copies of copy.test.ts open in
# LibreOffice. Converts each copy with LibreOffice (headless) to .xlsx and reads LibreOffice's
# file back with ExcelJS: the marks' fills and notes and the report sheet must be there.
# Needs: apt-get install -y libreoffice-calc-nogui. Run from the repository root.
set -e
OUT=${1:-/tmp/selfeval-lo-check}
rm -rf "$OUT" && mkdir -p "$OUT/lo"
SELFEVAL_COPY_KEEP="$OUT" npx jest test/node/copy/copy.test.ts >/dev/null 2>&1
for f in "$OUT"/*.checked.xls?; do
  # The first start of LibreOffice (making its profile) can fail: one retry.
  soffice --headless --norestore --convert-to xlsx --outdir "$OUT/lo" "$f" >/dev/null 2>&1 || soffice --headless --norestore --convert-to xlsx --outdir "$OUT/lo" "$f" >/dev/null 2>&1 || echo "LibreOffice failed on $f"
done
node -e '
const ExcelJS = require("exceljs"); const fs = require("fs"); const path = require("path");
const out = process.argv[1];
(async () => {
  for (const f of fs.readdirSync(path.join(out, "lo")).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "lo", f));
    let notes = 0, marked = 0, ours = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
      if (c.note) { notes++; const t = typeof c.note === "string" ? c.note : c.note.texts.map((x) => x.text).join(""); if (t.includes("【绩效自评助手】")) ours++; }
      if (c.fill && c.fill.pattern === "solid" && /FFC7CE|FFEB9C|DDEBF7/i.test((c.fill.fgColor || {}).argb || "")) marked++;
    }));
    const names = wb.worksheets.map((w) => w.name);
    const rep = wb.getWorksheet(names[names.length - 1]);
    console.log(`${f}: sheets ${names.join(",")}; notes ${notes} (ours ${ours}); marked fills ${marked}; report rows ${rep.actualRowCount}`);
  }
})();
' "$OUT"
