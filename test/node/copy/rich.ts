// A rich workbook, built part by part: the sample's sheets with what bureau workbooks carry and
// ExcelJS drops — a chart, a threaded comment beside a note, x14 data validation drawn from
// another sheet, a sparkline, customXml, custom properties, macros (.xlsm), t="d" dates,
// _x0007_ text, phonetic runs, manual page breaks, ignored errors, code names, calc settings.

import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync } from 'fflate';

const ROOT = path.join(__dirname, '..', '..', '..');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const TC_ID = '{6F1C2A9E-1B2C-4D3E-8F90-0A1B2C3D4E5F}';
const PERSON = '{11111111-2222-3333-4444-555555555555}';

function edit(parts: Record<string, Uint8Array>, name: string, f: (s: string) => string): void {
  const before = strFromU8(parts[name]);
  const after = f(before);
  if (after === before) throw new Error(`rich workbook: edit of ${name} changed nothing`);
  parts[name] = strToU8(after);
}

function put(parts: Record<string, Uint8Array>, name: string, xml: string): void {
  parts[name] = strToU8(xml);
}

const CHART = `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>部门整体!$C$8:$E$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>${[
  [0, 0, 1025],
  [4, 2, 1026],
]
  .map(
    ([r, c, id]) =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 3}, 15, ${r + 4}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`,
  )
  .join('')}</xml>`;

const COMMENTS = `${DECL}<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>tc=${TC_ID}</author><author>李会计</author></authors><commentList><comment ref="A1" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>李会计:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">
表头按局里模板</t></r></text></comment><comment ref="C5" authorId="0" shapeId="0" xr:uid="${TC_ID}"><text><t>[Threaded comment]

Your version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924

Comment:
    请核对年初预算数</t></text></comment></commentList></comments>`;

const THREADED = `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="C5" dT="2025-03-01T08:00:00.00" personId="${PERSON}" id="${TC_ID}"><text>请核对年初预算数</text></threadedComment></ThreadedComments>`;

const PERSONS = `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="王科长" id="${PERSON}" userId="王科长" providerId="None"/></personList>`;

const EXT_LST = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H40</xm:sqref></x14:dataValidation></x14:dataValidations></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>部门整体!C8:E8</xm:f><xm:sqref>F8</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;

const OPTIONS_SHEET = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr codeName="Sheet5"/><dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>优</t></is></c><c r="B1" t="d"><v>2025-12-31T00:00:00</v></c><c r="C1" t="s"><v>SS_BELL</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>良</t></is></c><c r="B2" t="d" s="0"><v>2026-01-15</v></c><c r="C2" t="s"><v>SS_RUBY</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>中_x0007_</t></is></c></row></sheetData><phoneticPr fontId="0" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><ignoredErrors><ignoredError sqref="B1:B2" numberStoredAsText="1"/></ignoredErrors></worksheet>`;

/** Deterministic bytes standing in for a VBA project (an OLE file Excel would read). */
function vbaBytes(): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(4096);
  let x = 0x12345678;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  return b;
}

/** The parts of the rich .xlsm, by name. */
export function richParts(): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = unzipSync(fs.readFileSync(path.join(ROOT, 'assets', 'sample.xlsx')));
  edit(parts, '[Content_Types].xml', (s) =>
    s
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', [
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
        '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>',
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>',
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>',
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
        '</Types>',
      ].join('')),
  );
  edit(parts, '_rels/.rels', (s) => s.replace('</Relationships>', `<Relationship Id="rId9" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));
  put(parts, 'docProps/custom.xml', `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报送单位"><vt:lpwstr>井陉县财政局</vt:lpwstr></property></Properties>`);
  put(parts, 'customXml/item1.xml', `${DECL}<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="/APA.XSL"/>`);
  put(parts, 'customXml/itemProps1.xml', `${DECL}<ds:datastoreItem ds:itemID="{A1B2C3D4-0000-0000-0000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`);
  put(parts, 'customXml/_rels/item1.xml.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
  edit(parts, 'xl/workbook.xml', (s) =>
    s
      .replace('<workbookPr ', '<workbookPr codeName="ThisWorkbook" ')
      .replace('</sheets>', `<sheet sheetId="5" name="选项" state="visible" r:id="rId8"/></sheets><definedNames><definedName name="等级列表">选项!$A$1:$A$3</definedName></definedNames>`)
      .replace('<calcPr calcId="171027"/>', '<calcPr calcId="191029" iterate="1" iterateCount="50" fullCalcOnLoad="1"/>'),
  );
  edit(parts, 'xl/_rels/workbook.xml.rels', (s) =>
    s.replace('</Relationships>', [
      `<Relationship Id="rId8" Type="${R}/worksheet" Target="worksheets/sheet5.xml"/>`,
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
      `<Relationship Id="rId10" Type="${R}/customXml" Target="../customXml/item1.xml"/>`,
      '<Relationship Id="rId11" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>',
      '</Relationships>',
    ].join('')),
  );
  parts['xl/vbaProject.bin'] = vbaBytes();
  // Shared strings: a control character stored as _x0007_, and a phonetic run.
  const ss = strFromU8(parts['xl/sharedStrings.xml']);
  const n = (ss.match(/<si>/g) ?? []).length;
  edit(parts, 'xl/sharedStrings.xml', (s) =>
    s.replace('</sst>', '<si><t>铃声_x0007_在此</t></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="0" type="Hiragana"/></si></sst>').replace(/(count|uniqueCount)="(\d+)"/g, (_m, k: string, v: string) => `${k}="${Number(v) + 2}"`),
  );
  put(parts, 'xl/worksheets/sheet5.xml', OPTIONS_SHEET.replace('SS_BELL', String(n)).replace('SS_RUBY', String(n + 1)));
  edit(parts, 'xl/worksheets/sheet2.xml', (s) =>
    s
      .replace('<dimension ', '<sheetPr codeName="Sheet2"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ')
      .replace('</row>', '<c r="J1" t="d"><v>2025-01-02T00:00:00</v></c></row>')
      .replace('<pageMargins ', '<phoneticPr fontId="0" type="noConversion"/><pageMargins ')
      .replace('</worksheet>', `<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks><ignoredErrors><ignoredError sqref="A1:I40" numberStoredAsText="1"/></ignoredErrors><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>${EXT_LST}</worksheet>`),
  );
  put(parts, 'xl/worksheets/_rels/sheet2.xml.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`);
  put(parts, 'xl/drawings/drawing1.xml', DRAWING);
  put(parts, 'xl/drawings/_rels/drawing1.xml.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  put(parts, 'xl/charts/chart1.xml', CHART);
  put(parts, 'xl/drawings/vmlDrawing1.vml', VML);
  put(parts, 'xl/comments1.xml', COMMENTS);
  put(parts, 'xl/threadedComments/threadedComment1.xml', THREADED);
  put(parts, 'xl/persons/person.xml', PERSONS);
  return parts;
}
