import { BUILTIN_PROFILES, resolveProfile, gradeOf, normGrade, validateProfile } from '../../src/core/profiles';

const [mof, hebei] = BUILTIN_PROFILES;

describe('built-in profiles', () => {
  test('mof-2020 first (the default), hebei-county second, with the spec values', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual(['mof-2020', 'hebei-county']);
    expect(mof.level1).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    expect(hebei.level1).toEqual({ 产出指标: 40, 效益指标: 40, 满意度指标: 10 });
    for (const p of BUILTIN_PROFILES) {
      expect(p.execWeight).toBe(10);
      expect(p.reverseFormula).toBe('ratio');
      expect(p.capExecution).toBe(true);
      expect(p.scoreTolerance).toBe(0.05);
      expect(p.rateTolerance).toBe(0.1);
      expect(p.overachieveThreshold).toBe(1.3);
      expect(p.totalCap).toBeNull();
      const sum = p.level1['产出指标'] + p.level1['效益指标'] + p.level1['满意度指标'] + p.execWeight;
      expect(sum).toBe(100);
    }
  });
});

describe('resolveProfile', () => {
  test('by id, case-insensitive, trimmed, full-width', () => {
    expect(resolveProfile('mof-2020')).toBe(mof);
    expect(resolveProfile('  MOF-2020 ')).toBe(mof);
    expect(resolveProfile('ｈｅｂｅｉ－ｃｏｕｎｔｙ')).toBe(hebei);
    expect(resolveProfile('Hebei-County')).toBe(hebei);
  });
  test('by Chinese name', () => {
    expect(resolveProfile(mof.name)).toBe(mof);
    expect(resolveProfile(hebei.name)).toBe(hebei);
  });
  test('by alias', () => {
    for (const a of ['财政部', '全国', '国家', ' 国家 ']) expect(resolveProfile(a)).toBe(mof);
    for (const a of ['河北', '石家庄', '井陉', '40-40', '４０－４０', '40—40']) expect(resolveProfile(a)).toBe(hebei);
  });
  test('unknown text', () => {
    expect(resolveProfile('')).toBeUndefined();
    expect(resolveProfile('山西')).toBeUndefined();
    expect(resolveProfile('mof')).toBeUndefined();
  });
  test('a custom profile as JSON', () => {
    const custom = { ...hebei, id: 'my-county', name: '某县方案', level1: { 产出指标: 45, 效益指标: 30, 满意度指标: 5 }, execWeight: 20, totalCap: [{ belowRate: 0.6, maxTotal: 80 }], aliases: ['某县'] };
    const p = resolveProfile(JSON.stringify(custom));
    expect(p).toBeDefined();
    expect(p!.id).toBe('my-county');
    expect(p!.execWeight).toBe(20);
    expect(p!.totalCap).toEqual([{ belowRate: 0.6, maxTotal: 80 }]);
  });
  test('a custom profile with a missing or insane field is refused', () => {
    const base = { ...hebei, id: 'x', name: 'X' } as Record<string, unknown>;
    expect(validateProfile(base)).toBeDefined();
    const bad: Record<string, unknown>[] = [
      { ...base, id: '' },
      { ...base, level1: { 产出指标: 40, 效益指标: 40 } },
      { ...base, level1: { 产出指标: 50, 效益指标: 40, 满意度指标: 10 } }, // sums to 110
      { ...base, execWeight: -10 },
      { ...base, reverseFormula: 'square' },
      { ...base, capExecution: 'yes' },
      { ...base, scoreTolerance: -1 },
      { ...base, rateTolerance: NaN },
      { ...base, overachieveThreshold: 0.9 },
      { ...base, totalCap: [{ belowRate: 0.6 }] },
      { ...base, aliases: 'x' },
    ];
    for (const b of bad) expect(resolveProfile(JSON.stringify(b))).toBeUndefined();
    const noName = { ...base };
    delete noName.name;
    expect(resolveProfile(JSON.stringify(noName))).toBeUndefined();
    expect(resolveProfile('{not json')).toBeUndefined();
    expect(resolveProfile('[1,2]')).toBeUndefined();
  });
});

describe('gradeOf', () => {
  test('boundaries', () => {
    expect(gradeOf(100)).toBe('优');
    expect(gradeOf(90)).toBe('优');
    expect(gradeOf(89.99)).toBe('良');
    expect(gradeOf(80)).toBe('良');
    expect(gradeOf(79.99)).toBe('中');
    expect(gradeOf(60)).toBe('中');
    expect(gradeOf(59.99)).toBe('差');
    expect(gradeOf(0)).toBe('差');
  });
  test('float noise just below a boundary counts as reaching it', () => {
    expect(gradeOf(0.1 * 3 * 300)).toBe('优'); // 90.00000000000001 or 89.99999999999999
    expect(gradeOf(89.99999999999)).toBe('优');
  });
});

describe('normGrade', () => {
  test('the four grades and their long forms', () => {
    expect(normGrade('优')).toBe('优');
    expect(normGrade('优秀')).toBe('优');
    expect(normGrade(' 良好 ')).toBe('良');
    expect(normGrade('良')).toBe('良');
    expect(normGrade('中')).toBe('中');
    expect(normGrade('中等')).toBe('中');
    expect(normGrade('合格')).toBe('中');
    expect(normGrade('一般')).toBe('中');
    expect(normGrade('差')).toBe('差');
    expect(normGrade('较差')).toBe('差');
    expect(normGrade('不合格')).toBe('差');
    expect(normGrade('优秀等级')).toBe('优');
  });
  test('anything else is not a grade', () => {
    expect(normGrade('')).toBeUndefined();
    expect(normGrade('A')).toBeUndefined();
    expect(normGrade('待定')).toBeUndefined();
  });
});
