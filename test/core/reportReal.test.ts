// The twelve real published tables (test/real): each one's report renders to the report sheet and
// to Word without throwing, speaks as the department, and prints no number it cannot trace.

import JSZip from 'jszip';
import { evaluate } from '../../src/core/engine';
import { layoutReport } from '../../src/core/report/sheet';
import { docxBytes } from '../../src/core/report/docx';
import { loadExpectations, realWorkbook } from '../real/fixtures';
import { toolPhrasesIn, untracedNumbers } from './helpers/reportChecks';

const names = loadExpectations().map((e) => e.file.replace(/\.xlsx$/, ''));

describe('reports of the real tables', () => {
  test('there are twelve', () => expect(names).toHaveLength(12));
  for (const name of names) {
    test(`${name}: sheet and docx render; no tool phrase; every number traced`, async () => {
      const grid = realWorkbook(name);
      const doc = evaluate(grid).report;
      const sheet = layoutReport(doc, '自评报告');
      expect(sheet.cells.length).toBeGreaterThan(20);
      const bytes = await docxBytes(doc);
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect(xml).toContain('四、评价结论和评价等级');
      expect(toolPhrasesIn(doc)).toEqual([]);
      expect(untracedNumbers(doc, grid)).toEqual([]);
      // and the figures alone carry every number the narrative prints (VERIFY matches against them)
      expect(untracedNumbers(doc, grid, false)).toEqual([]);
    });
  }
});
