#!/usr/bin/env node
'use strict';
// npm run bench: the cost of `selfeval check --json` against a bare ExcelJS load of the same
// file, side by side in one run, on a clean workbook of a department table and 300 project
// tables (about 3,600 indicators). Each measured command runs in its own child process,
// alternately, several times; the medians are reported. Target: check ≤ 1.2 × bare load.
// This is a benchmark, not a test: the figures depend on the machine and its load.
//
//   node scripts/bench.js [--runs N] [--projects N] [--keep]
//   node scripts/bench.js --phases FILE     (internal: one in-process run, time per phase)

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const build = path.join(root, 'build');

function need(file) {
  if (!fs.existsSync(file)) {
    process.stderr.write('尚未编译：请先运行 npm run build:cli\n');
    process.exit(2);
  }
  return require(file);
}

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

// ---------------------------------------------------------------------------
// The workbook: every figure consistent (mof-2020 weights 50/30/10 + 10), so the check
// walks every rule on every table and finds nothing to report.

const LEVELS = [
  // [level1, level2, weight] — 12 indicators, 90 points.
  ['产出指标', '数量指标', 10],
  ['产出指标', '数量指标', 10],
  ['产出指标', '数量指标', 10],
  ['产出指标', '质量指标', 10],
  ['产出指标', '时效指标', 5],
  ['产出指标', '成本指标', 5],
  ['效益指标', '社会效益指标', 10],
  ['效益指标', '社会效益指标', 10],
  ['效益指标', '经济效益指标', 5],
  ['效益指标', '可持续影响指标', 5],
  ['满意度指标', '服务对象满意度指标', 5],
  ['满意度指标', '服务对象满意度指标', 5],
];
const UNITS = ['个', '次', '篇', '人次', '%', '万元', '', '家', '场', '%', '%', '%'];

function indicators(seed) {
  return LEVELS.map(([level1, level2, weight], k) => {
    const unit = UNITS[k];
    const name = `${level2.replace('指标', '')}考核事项${seed}-${k + 1}`;
    if (k === 4) return { level1, level2, name, target: '及时', actual: '及时', weight, score: weight };
    if (k === 5) {
      const cap = 20 + (seed % 7);
      return { level1, level2, name, target: `≤${cap}万元`, actual: `${cap - 1}万元`, weight, score: weight };
    }
    if (unit === '%') {
      const t = 85 + (seed % 10);
      return { level1, level2, name, target: `≥${t}%`, actual: `${t + 2}%`, weight, score: weight };
    }
    const t = 10 + ((seed * 7 + k * 13) % 500);
    return { level1, level2, name, target: `≥${t}${unit}`, actual: `${t + (k % 3)}${unit}`, weight, score: weight };
  });
}

function funds(total, extra) {
  const approp = Math.round(total * 0.8 * 100) / 100;
  const carry = Math.round((total - approp) * 100) / 100;
  return {
    unit: '万元',
    rows: [
      { label: '年度资金总额', initial: total, adjusted: total, executed: total, weight: 10, rate: 1, score: 10 },
      ...extra,
      { label: '其中：当年财政拨款', initial: approp, adjusted: approp, executed: approp },
      { label: '上年结转资金', initial: carry, adjusted: carry, executed: carry },
      { label: '其他资金' },
    ],
  };
}

function benchModel(projects) {
  const year = 2025;
  const dept = '示例县某局';
  const projectTables = [];
  let projectSum = 0;
  for (let i = 1; i <= projects; i++) {
    const total = 10 + (i % 40);
    projectSum += total;
    projectTables.push({
      kind: 'project',
      name: `${year}年第${i}号专项工作经费`,
      year,
      competentDept: dept,
      implementer: dept,
      funds: funds(total, []),
      goals: { expected: `完成第${i}号专项的年度工作任务。`, actual: `第${i}号专项的年度工作任务已全部完成。` },
      indicators: indicators(i),
      totalWeight: 100,
      totalScore: 100,
      grade: '优',
    });
  }
  projectSum = Math.round(projectSum * 100) / 100;
  const basicTotal = 500;
  const total = basicTotal + projectSum;
  return {
    basic: {
      department: dept,
      year,
      fields: { 年初预算收入: total, 决算收入: total, 资产总额: 100, 固定资产: 60, 无形资产: 10, 权重方案: '财政部' },
    },
    tables: [
      {
        kind: 'department',
        name: dept,
        year,
        funds: funds(total, [
          { label: '基本支出', initial: basicTotal, adjusted: basicTotal, executed: basicTotal },
          { label: '项目支出', initial: projectSum, adjusted: projectSum, executed: projectSum },
        ]),
        goals: { expected: '保障机关运转，完成年度重点工作。', actual: '机关运转正常，年度重点工作全部完成。' },
        indicators: indicators(0),
        totalWeight: 100,
        totalScore: 100,
        grade: '优',
      },
      ...projectTables,
    ],
  };
}

// ---------------------------------------------------------------------------
// Measuring a child process

const TIME = '/usr/bin/time';
const haveTime = fs.existsSync(TIME);

/** Runs argv (a node command) once; returns { seconds, peakMb, status, stderr }. stdout is discarded. */
function measure(argv, tmp) {
  if (haveTime) {
    const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const lines = r.stderr.trim().split('\n');
    const [e, m] = lines[lines.length - 1].split(' ').map(Number);
    // %e has a resolution of 10 ms, enough for runs of seconds.
    return { seconds: e, peakMb: m / 1024, status: r.status, stderr: lines.slice(0, -1).join('\n') };
  }
  // Without /usr/bin/time: a preload writes the child's peak RSS (resourceUsage().maxRSS, KB) on exit.
  const preload = path.join(tmp, 'peak-rss.js');
  const rssFile = path.join(tmp, 'peak-rss.txt');
  if (!fs.existsSync(preload)) {
    fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.SELFEVAL_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], ['--require', preload, ...argv.slice(1)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, SELFEVAL_BENCH_RSS: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakMb = NaN;
  try {
    peakMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    /* no figure */
  }
  return { seconds, peakMb, status: r.status, stderr: r.stderr };
}

/** Display width: CJK characters take two columns. */
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s, n) => ' '.repeat(Math.max(0, n - width(s))) + s;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------
// --phases: one in-process run, timing each step of `check --json`.

async function phases(file) {
  const t = () => Number(process.hrtime.bigint()) / 1e6;
  const marks = [];
  let t0 = t();
  const step = (name) => {
    const now = t();
    marks.push([name, now - t0]);
    t0 = now;
  };
  // As the CLI does: the modules it loads (ExcelJS's document model and the core).
  const xlsx = require(path.join(build, 'node', 'xlsx.js'));
  const Workbook = require('exceljs/lib/doc/workbook');
  const engine = require(path.join(build, 'core', 'engine.js'));
  const { readWorkbook } = require(path.join(build, 'core', 'read', 'index.js'));
  const { runChecks } = require(path.join(build, 'core', 'check', 'index.js'));
  const { buildReport } = require(path.join(build, 'core', 'report.js'));
  const { sortFindings } = require(path.join(build, 'core', 'marks.js'));
  step('加载模块（含 ExcelJS）');
  const buf = xlsx.readWorkbookBytes(file);
  step('读文件与校验');
  const wb = new Workbook();
  // As `check` loads: read-only (xlsx.loadWorkbookFile with readOnly).
  await wb.xlsx.load(buf, { ignoreNodes: xlsx.READ_ONLY_IGNORED });
  step('ExcelJS 解析');
  const grid = xlsx.workbookToGrid(wb);
  step('转为 Grid（node 边）');
  // The steps of engine.evaluate, one by one.
  const read = readWorkbook(grid);
  step('核心：读表 reader');
  const { profile, source } = engine.chooseProfile(read, undefined);
  const check = runChecks(read, profile);
  step('核心：检查 checks');
  const findings = sortFindings([...read.findings, ...check.findings], grid.sheets.map((x) => x.name));
  const report = buildReport(read, check, profile, findings);
  step('核心：报告 report');
  const ev = { profile, profileSource: source, read, check, findings, report };
  const json = JSON.stringify(engine.toCheckJson(ev, path.basename(file)), null, 2);
  step('生成 JSON');
  process.stdout.write(JSON.stringify({ marks, findings: ev.findings.length, tables: ev.check.results.length, jsonBytes: json.length }) + '\n');
}

// ---------------------------------------------------------------------------

async function bench() {
  const runs = Number(arg('--runs', '5'));
  const projects = Number(arg('--projects', '300'));
  const { layoutWorkbook } = need(path.join(build, 'core', 'template.js'));
  const { gridToXlsx } = need(path.join(build, 'node', 'xlsx.js'));
  if (!fs.existsSync(path.join(build, 'node', 'bin.js'))) need(path.join(build, 'node', 'bin.js'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-'));
  const file = path.join(dir, 'bench.xlsx');
  const model = benchModel(projects);
  const indicatorCount = model.tables.reduce((n, t) => n + t.indicators.length, 0);
  let t0 = Date.now();
  await gridToXlsx(layoutWorkbook(model).grid, file);
  const size = fs.statSync(file).size;
  const out = (s) => process.stdout.write(s + '\n');
  out(`工作簿：1 张部门整体表 + ${projects} 张项目表，共 ${indicatorCount} 个指标，${model.tables.length + 1} 个工作表，${(size / 1024).toFixed(0)} KB（生成用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  out(`机器：${os.cpus().length} 核，Node ${process.version}；每项运行 ${runs} 次，取中位数${haveTime ? '（/usr/bin/time 计时）' : ''}`);
  out('');

  const check = [process.execPath, path.join(root, 'bin', 'selfeval.js'), 'check', file, '--json'];
  const bare = [process.execPath, '-e', "const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{},e=>{console.error(e.message);process.exit(3)})", file];
  // The same load through ExcelJS's document model only, which is what selfeval loads.
  const bareDoc = [process.execPath, '-e', "const W=require('exceljs/lib/doc/workbook');new W().xlsx.readFile(process.argv[1]).then(()=>{},e=>{console.error(e.message);process.exit(3)})", file];

  // Sanity: the check of this clean workbook must find no error.
  const first = spawnSync(check[0], check.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28, cwd: root });
  let doc;
  try {
    doc = JSON.parse(first.stdout);
  } catch {
    out(`check 没有输出 JSON（退出码 ${first.status}）：${first.stderr.trim().split('\n')[0] || ''}`);
    process.exitCode = 1;
    return;
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule = {};
  for (const f of doc.findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] || 0) + 1;
  }
  out(`check 结果：${doc.tables.length} 张表，${bySeverity.error} 个错误、${bySeverity.warning} 个警告、${bySeverity.info} 个提示（退出码 ${first.status}）`);
  if (doc.findings.length) out(`  按规则：${Object.entries(byRule).map(([r, n]) => `${r} ${n}`).join('，')}`);
  out('');

  const res = { check: [], bare: [], bareDoc: [] };
  outer: for (let i = 0; i < runs; i++) {
    for (const [name, argv] of [
      ['bare', bare],
      ['bareDoc', bareDoc],
      ['check', check],
    ]) {
      const m = measure(argv, dir);
      if (name !== 'check' && m.status !== 0) {
        out(`ExcelJS 直接加载失败：${m.stderr}`);
        break outer;
      }
      res[name].push(m);
    }
  }

  const row = (label, list) => {
    const secs = list.map((m) => m.seconds);
    const mem = list.map((m) => m.peakMb);
    const cols = [median(secs).toFixed(2) + ' s', Math.min(...secs).toFixed(2) + ' s', Math.max(...secs).toFixed(2) + ' s', median(mem).toFixed(0) + ' MB'];
    return padEnd(label, 30) + cols.map((c) => padStart(c, 10)).join('');
  };
  out(padEnd('命令', 30) + ['中位数', '最快', '最慢', '峰值内存'].map((c) => padStart(c, 10)).join(''));
  out(row('ExcelJS 直接加载', res.bare));
  out(row('  仅文档模型（同 selfeval）', res.bareDoc));
  out(row('selfeval check --json', res.check));
  const med = (list) => median(list.map((m) => m.seconds));
  const ratio = med(res.check) / med(res.bare);
  const ratioDoc = med(res.check) / med(res.bareDoc);
  const memRatio = median(res.check.map((m) => m.peakMb)) / median(res.bare.map((m) => m.peakMb));
  out('');
  out(`耗时比（check ÷ 直接加载）：${ratio.toFixed(2)}  目标 ≤ 1.20  ${ratio <= 1.2 ? '达标' : '未达标'}`);
  out(`耗时比（check ÷ 仅文档模型的加载）：${ratioDoc.toFixed(2)}`);
  const fastest = (list) => Math.min(...list.map((m) => m.seconds));
  out(`最快一次之比（受机器负载影响最小）：check ÷ 直接加载 ${(fastest(res.check) / fastest(res.bare)).toFixed(2)}，check ÷ 仅文档模型 ${(fastest(res.check) / fastest(res.bareDoc)).toFixed(2)}`);
  out(`峰值内存比：${memRatio.toFixed(2)}`);

  // Where the time goes: the steps of `check --json` in one process, median of three runs.
  const phaseRuns = [];
  for (let i = 0; i < 3; i++) {
    const ph = spawnSync(process.execPath, [__filename, '--phases', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    try {
      phaseRuns.push(JSON.parse(ph.stdout.trim().split('\n').pop()).marks);
    } catch {
      out(`分段计时失败：${(ph.stderr || '').trim().split('\n')[0]}`);
      break;
    }
  }
  if (phaseRuns.length) {
    out('');
    out(`进程内分段耗时（${phaseRuns.length} 次的中位数）：`);
    const med = phaseRuns[0].map(([name], k) => [name, median(phaseRuns.map((m) => m[k][1]))]);
    for (const [name, ms] of med) out(`  ${padEnd(name, 28)}${padStart(ms.toFixed(0), 7)} ms`);
    const sum = (pred) => med.filter(([n]) => pred(n)).reduce((x, [, ms]) => x + ms, 0);
    const parse = sum((n) => n.startsWith('ExcelJS'));
    const edge = sum((n) => n.startsWith('读文件') || n.startsWith('转为') || n.startsWith('生成'));
    const core = sum((n) => n.startsWith('核心'));
    out(`  相对 ExcelJS 解析 ${parse.toFixed(0)} ms：node 边另加 ${edge.toFixed(0)} ms（${((edge / parse) * 100).toFixed(0)}%），核心另加 ${core.toFixed(0)} ms（${((core / parse) * 100).toFixed(0)}%）`);
  }

  const bundle = path.join(root, 'dist', 'taskpane.js');
  if (fs.existsSync(bundle)) {
    const b = fs.readFileSync(bundle);
    out('');
    out(`任务窗格包 dist/taskpane.js：${(b.length / 1024).toFixed(0)} KB，gzip 后 ${(zlib.gzipSync(b, { level: 9 }).length / 1024).toFixed(0)} KB`);
  }

  if (process.argv.includes('--keep')) out(`\n工作簿保留在：${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--phases') {
  phases(process.argv[3]).catch((e) => {
    process.stderr.write(String(e && e.message) + '\n');
    process.exitCode = 1;
  });
} else {
  bench().catch((e) => {
    process.stderr.write(`基准测试失败：${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  });
}
