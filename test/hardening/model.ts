// A small correct workbook for the hardening tests, built by the standard layout (template.ts):
// 基本情况, a department table and one project table under the hebei-county profile
// (产出 40 / 效益 40 / 满意度 10 + 预算执行 10). evaluate() finds nothing in it; a test
// changes one cell (found through the layout's address map) and looks at what follows.

import { layoutWorkbook, type AddrMap, type IndicatorModel, type WorkbookModel } from '../../src/core/template';
import { setCell, type Cell, type CellInput, type Grid } from '../../src/core/grid';

const ind = (level1: string, level2: string, name: string, target: string, actual: string, weight: number, score: number, deviation?: string): IndicatorModel =>
  deviation === undefined ? { level1, level2, name, target, actual, weight, score } : { level1, level2, name, target, actual, weight, score, deviation };

export function cleanModel(): WorkbookModel {
  return {
    basic: {
      department: '某县文化广电和旅游局',
      year: 2025,
      fields: {
        部门职责: '负责全县文化、广电和旅游工作。',
        资产总额: 50,
        固定资产: 30,
        无形资产: 5,
        年初预算收入: 100,
        权重方案: '河北',
      },
      team: [{ name: '张三', unit: '某县文化广电和旅游局', post: '局长', title: '无' }],
    },
    tables: [
      {
        kind: 'department',
        name: '某县文化广电和旅游局',
        year: 2025,
        funds: {
          rows: [
            { label: '年度资金总额', initial: 100, adjusted: 100, executed: 95, weight: 10, rate: 0.95, score: 9.5 },
            { label: '基本支出', initial: 60, adjusted: 60, executed: 57 },
            { label: '项目支出', initial: 40, adjusted: 40, executed: 38 },
          ],
        },
        goals: { expected: '完成全年文化惠民工作。', actual: '全年文化惠民工作全部完成。' },
        indicators: [
          ind('产出指标', '数量指标', '送戏下乡场次', '≥50场', '52场', 20, 20),
          ind('产出指标', '质量指标', '演出合格率', '=100%', '100%', 20, 20),
          ind('效益指标', '社会效益指标', '群众文化知晓率', '≥90%', '95%', 40, 40),
          ind('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92%', 10, 10),
        ],
        totalScore: 99.5,
        grade: '优',
      },
      {
        kind: 'project',
        name: '送戏下乡项目',
        year: 2025,
        competentDept: '某县文化广电和旅游局',
        implementer: '某县文化馆',
        funds: {
          rows: [
            { label: '年度资金总额', initial: 40, adjusted: 40, executed: 38, weight: 10, rate: 0.95, score: 9.5 },
            { label: '其中：当年财政拨款', initial: 40, adjusted: 40, executed: 38 },
          ],
        },
        goals: { expected: '完成送戏下乡50场。', actual: '完成送戏下乡52场。' },
        indicators: [
          ind('产出指标', '数量指标', '演出场次', '≥50场', '52场', 20, 20),
          ind('产出指标', '时效指标', '完成时间', '12月底前', '12月底前', 20, 20),
          ind('效益指标', '社会效益指标', '观众人次', '≥1万人次', '1.2万人次', 40, 40),
          ind('满意度指标', '服务对象满意度指标', '观众满意度', '≥90%', '95%', 10, 10),
        ],
        totalScore: 99.5,
        grade: '优',
      },
    ],
  };
}

/** The clean workbook laid out; `sheetNames` renames the table sheets. */
export function cleanWorkbook(sheetNames?: string[]): { grid: Grid; addr: AddrMap } {
  return layoutWorkbook(cleanModel(), sheetNames ? { sheetNames } : {});
}

/** Sets the cell of a model path ('tables.0.indicators.1.score') in the laid-out grid; returns its place. */
export function plant(grid: Grid, addr: AddrMap, path: string, v: CellInput): { sheet: string; cell: string } {
  const where = addr[path];
  if (!where) throw new Error(`no address for ${path}`);
  const sheet = grid.sheets.find((s) => s.name === where.sheet);
  if (!sheet) throw new Error(`no sheet ${where.sheet}`);
  setCell(sheet, where.cell, v);
  return where;
}

/** The cell of a model path as laid out. */
export function cellOf(grid: Grid, addr: AddrMap, path: string): Cell | undefined {
  const where = addr[path];
  const sheet = grid.sheets.find((s) => s.name === where.sheet);
  const { r, c } = (() => {
    const m = /^([A-Z]+)(\d+)$/.exec(where.cell)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: col - 1 };
  })();
  return sheet?.rows[r]?.[c];
}
