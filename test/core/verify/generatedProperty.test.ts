// A property: for any generated workbook (test/gen), the report selfeval writes for it verifies
// with no error and no warning.

import fc from 'fast-check';
import { evaluate } from '../../../src/core/engine';
import { layoutWorkbook } from '../../../src/core/template';
import { reportTextOfDoc } from '../../../src/core/verify/model';
import { verifyText } from '../../../src/core/verify/verify';
import { arbWorkbook } from '../../gen/generate';

test('the report of any generated workbook verifies with no error and no warning', () => {
  fc.assert(
    fc.property(arbWorkbook(), (gw) => {
      const ev = evaluate(layoutWorkbook(gw.model).grid);
      const bad = verifyText(reportTextOfDoc(ev.report), ev).findings.filter((f) => f.severity !== 'info');
      expect(bad.map((f) => `${f.rule} ${f.message} «${f.quote}»`)).toEqual([]);
    }),
    { numRuns: 40 },
  );
});
