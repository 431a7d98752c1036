import { labelWeight, matchLabel, normLabel, splitLabelValue } from '../../src/core/labels';

describe('normLabel (workbook.md §1)', () => {
  test.each([
    ['全年预算数（万元）', '全年预算数'],
    [' 分 值 ', '分值'],
    ['全年预算数(A)', '全年预算数'],
    ['执行率（B/A）', '执行率'],
    ['执行率(B/A)', '执行率'],
    ['产出指标（40分）', '产出指标'],
    ['预算执行情况（万元）（20分）', '预算执行情况'],
    ['单位（盖章）：', '单位'],
    ['实有人数(名)', '实有人数'],
    ['部门名称：', '部门名称'],
    ['*项目名称', '项目名称'],
    ['年度\n指标值', '年度指标值'],
    ['上年结转　资金', '上年结转资金'],
    ['得分(20分*执行率)', '得分'],
    ['ＡＢＣ１２３％', 'ABC123%'],
    ['（2025年度）', ''],
    ['', ''],
  ])('%j -> %j', (input, out) => {
    expect(normLabel(input)).toBe(out);
  });

  test('a bracket inside a label stays', () => {
    expect(normLabel('年初目标值(A)说明')).toBe('年初目标值(A)说明');
  });
});

describe('matchLabel', () => {
  const cols = ['全年预算数|调整后预算数|预算数', '全年执行数|预算执行数|执行数', '分值|权重'];
  test.each([
    ['全年预算数（万元）', '全年预算数'],
    ['调整后 预算数', '全年预算数'],
    ['预算数(A)', '全年预算数'],
    ['执行数（B）', '全年执行数'],
    ['预算执行数：', '全年执行数'],
    [' 权 重 ', '分值'],
    ['分值（10分）', '分值'],
  ])('%j matches %j', (input, canonical) => {
    expect(matchLabel(input, cols)).toBe(canonical);
  });

  test.each(['全年预算', '执行率', '预算数说明', '', '全年预算数与执行数的说明文字写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长'])('%j matches nothing', (input) => {
    expect(matchLabel(input, cols)).toBeUndefined();
  });
});

describe('labelWeight', () => {
  test.each([
    ['产出指标（40分）', 40],
    ['预算执行情况（20分）', 20],
    ['预算执行情况（万元）（20分）', 20],
    ['总分（100分）', 100],
    ['绩效指标(90 分)', 90],
    ['效益指标（权重30分）', 30],
    ['产出指标（12.5分）', 12.5],
  ])('%j -> %j', (input, w) => {
    expect(labelWeight(input)).toBe(w);
  });

  test.each(['产出指标', '预算资金（万元）', '得分(20分*执行率)', '产出指标40'])('%j has no weight', (input) => {
    expect(labelWeight(input)).toBeUndefined();
  });
});

describe('splitLabelValue', () => {
  test.each([
    ['部门：某县某局', { label: '部门', value: '某县某局' }],
    ['项目名称: 乡村道路养护 ', { label: '项目名称', value: '乡村道路养护' }],
    ['评价等级：优', { label: '评价等级', value: '优' }],
    ['部门名称：', { label: '部门名称', value: '' }],
  ])('%j', (input, out) => {
    expect(splitLabelValue(input)).toEqual(out);
  });

  test.each(['某县某局', '：开头的冒号', ''])('%j carries no label', (input) => {
    expect(splitLabelValue(input)).toBeUndefined();
  });
});
