import { packAddresses, parseAreaList, rangePart, rowBlocks, normalizeAddress, areaCells } from '../../src/office/addresses';
import { cellOfAddress } from '../../src/office/excelHost';
import { toHostError, isSizeError } from '../../src/office/officeErrors';
import { HostError } from '../../src/office/host';
import { parseRecord, resolveRecord, normColor, sameColor } from '../../src/office/markRecord';
import { combineNote, userPartOfNote } from '../../src/core/marks';
import { NOTE_PREFIX } from '../../src/core/marks';

describe('addresses', () => {
  it('takes the range part of sheet-qualified addresses', () => {
    expect(rangePart('Sheet1!C5:L20')).toBe('C5:L20');
    expect(rangePart("'My Sheet!'!C5")).toBe('C5');
    expect(rangePart('B2')).toBe('B2');
  });

  it('reads area lists, sheet names with commas and quotes included', () => {
    expect(parseAreaList("Sheet1!A1:B2, Sheet1!D1:D4")).toEqual([
      { r1: 0, c1: 0, r2: 1, c2: 1 },
      { r1: 0, c1: 3, r2: 3, c2: 3 },
    ]);
    expect(parseAreaList("'a, b''s'!A1:B2,'a, b''s'!C3")).toEqual([
      { r1: 0, c1: 0, r2: 1, c2: 1 },
      { r1: 2, c1: 2, r2: 2, c2: 2 },
    ]);
    expect(parseAreaList('A1:B2,C3')).toHaveLength(2);
    expect(parseAreaList(null)).toEqual([]);
  });

  it('packs addresses into strings no longer than the limit', () => {
    const addrs = Array.from({ length: 3000 }, (_, i) => `AB${i + 1000}`);
    const packs = packAddresses(addrs, 8192);
    expect(packs.length).toBeGreaterThan(1);
    for (const p of packs) expect(p.length).toBeLessThanOrEqual(8192);
    expect(packs.join(',').split(',')).toEqual(addrs);
    expect(packAddresses([], 10)).toEqual([]);
  });

  it('cuts areas into row blocks of bounded size', () => {
    const blocks = rowBlocks({ r1: 4, c1: 2, r2: 20_003, c2: 11 }, 50_000);
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toEqual({ r1: 4, c1: 2, r2: 5_003, c2: 11 });
    expect(blocks[3].r2).toBe(20_003);
    for (const b of blocks) expect(areaCells(b)).toBeLessThanOrEqual(50_000);
    // A row wider than the budget still makes one-row blocks.
    expect(rowBlocks({ r1: 0, c1: 0, r2: 2, c2: 99 }, 10)).toHaveLength(3);
  });

  it('normalises cell addresses', () => {
    expect(normalizeAddress('$b$3')).toBe('B3');
    expect(normalizeAddress('a1:b2')).toBe('A1:B2');
    expect(normalizeAddress('not a cell')).toBeNull();
  });
});

describe('errors', () => {
  const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it('maps Office error codes to host error kinds with Chinese messages', () => {
    expect(toHostError(err('AccessDenied')).kind).toBe('protected');
    expect(toHostError(err('InvalidOperation', 'The sheet is protected.')).kind).toBe('protected');
    expect(toHostError(err('RequestPayloadSizeLimitExceeded')).kind).toBe('too_large');
    expect(toHostError(err('ResponsePayloadSizeLimitExceeded')).kind).toBe('too_large');
    expect(toHostError(err('ItemNotFound')).message).toBe('工作簿已更改或切换，请重新检查。');
    expect(toHostError(err('InvalidOperationInCellEditMode')).kind).toBe('busy');
    expect(toHostError(err('ApiNotFound')).kind).toBe('unsupported');
    const other = toHostError(err('GeneralException', 'An internal error has occurred.'));
    expect(other.kind).toBe('other');
    expect(other.message).toBe('与 Excel 交互时出错：An internal error has occurred.（GeneralException）');
    expect(toHostError('boom').message).toBe('与 Excel 交互时出错：boom');
    const h = new HostError('busy', '忙');
    expect(toHostError(h)).toBe(h);
    expect(isSizeError(err('PayloadTooLarge'))).toBe(true);
    expect(isSizeError(err('ItemNotFound'))).toBe(false);
  });
});

describe('mark record', () => {
  it('parses the stored record leniently', () => {
    expect(parseRecord('not json')).toEqual([]);
    expect(parseRecord({})).toEqual([]);
    expect(
      parseRecord(JSON.stringify([{ sheet: 'S', cell: 'A1', fill: 'ffc7ce', note: true, mark: '#ffeb9c', via: 'note' }, { sheet: 1 }, null])),
    ).toEqual([{ sheet: 'S', cell: 'A1', fill: '#FFC7CE', note: true, mark: '#FFEB9C', via: 'note' }]);
    expect(parseRecord([{ sheet: 'S', cell: 'A1', fill: 'orange', note: false }])).toEqual([{ sheet: 'S', cell: 'A1', fill: null, note: false }]);
  });

  it('keeps the sheet id of an entry; an entry without one (an old record) has none', () => {
    expect(parseRecord([{ sheet: 'S', sheetId: '{1}', cell: 'A1', fill: null, note: false }, { sheet: 'S', sheetId: 7, cell: 'B2', fill: null, note: false }])).toEqual([
      { sheet: 'S', sheetId: '{1}', cell: 'A1', fill: null, note: false },
      { sheet: 'S', cell: 'B2', fill: null, note: false },
    ]);
  });

  it('resolves entries to the sheets as they are now: by id through renames, by name without an id, gone sheets dropped', () => {
    const e = (sheet: string, cell: string, sheetId?: string) => ({ sheet, cell, fill: null, note: true, ...(sheetId ? { sheetId } : {}) });
    const now = [
      { name: '自评表（改）', id: '{A}' }, // renamed from 自评表
      { name: '自评表', id: '{C}' }, // a new sheet took the old name
      { name: '封面', id: '{B}' },
    ];
    expect(
      resolveRecord(
        [
          e('自评表', 'B2', '{A}'), // follows its sheet to the new name, not the new sheet with the old name
          e('封面', 'A1'), // an old entry: by name
          e('汇总', 'C3'), // an old entry whose sheet is gone (or renamed: nothing tells)
          e('明细', 'D4', '{D}'), // a sheet deleted since the check
          e('封面', 'A2', '{Z}'), // an id no sheet has: by name
          e('自评表（改）', 'B2'), // the same cell twice: the first entry stands
        ],
        now,
      ),
    ).toEqual([e('自评表（改）', 'B2', '{A}'), e('封面', 'A1', '{B}'), e('封面', 'A2', '{B}')]);
  });

  it("combines the user's note with ours and takes ours out again", () => {
    const ours = `${NOTE_PREFIX}\n错误：合计不符（R1）`;
    expect(combineNote(null, ours)).toBe(ours);
    const both = combineNote('请核对  ', ours);
    expect(both).toBe(`请核对\n\n${ours}`);
    expect(userPartOfNote(both)).toBe('请核对');
    expect(combineNote(both, ours)).toBe(both); // marking twice does not pile up
    expect(userPartOfNote(ours)).toBe('');
  });

  it('compares colours whatever their case', () => {
    expect(normColor('ffc7ce')).toBe('#FFC7CE');
    expect(sameColor('#ffc7ce', '#FFC7CE')).toBe(true);
    expect(sameColor(null, '#FFC7CE')).toBe(false);
  });
});

describe('cellOfAddress', () => {
  it('splits what getLocation().address gives into the plain sheet name and the cell', () => {
    expect(cellOfAddress('Sheet1!B2')).toEqual({ sheet: 'Sheet1', cell: 'B2' });
    expect(cellOfAddress("'O''Brien 表'!$C$3")).toEqual({ sheet: "O'Brien 表", cell: 'C3' });
    expect(cellOfAddress("'a!b, c'!D4")).toEqual({ sheet: 'a!b, c', cell: 'D4' });
    expect(cellOfAddress('部门整体!E5:E5')).toEqual({ sheet: '部门整体', cell: 'E5' });
    expect(cellOfAddress('B2')).toBeNull();
  });
});
