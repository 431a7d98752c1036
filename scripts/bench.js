#!/usr/bin/env node
'use strict';
// npm run bench: the cost of `selfeval check --json` against a bare ExcelJS load of the same
// file, side by side in one run, on a clean workbook of a department table and 300 project
// tables (about 3,600 indicators). Each measured command runs in its own child process,
// alternately, several times; the medians are reported. Target (issue 12): check ≤ 0.5 × bare load.
// This is a benchmark, not a test: the figures depend on the machine and its load.
//
// Then the bureau's batch (issue 12): 200 department workbooks (1 department table + 5–20
// projects each), checked by one `selfeval check FOLDER` process, by one CLI process per file,
// and the floor: unzip + saxes parse of every sheet of every file in one process.
// Targets: batch ≥ 20× the per-file loop and ≤ 2× the floor; batch peak memory ≤ the largest
// single file's + 50 MB. Each reader of src/node/batch/read.ts (SELFEVAL_READER) is measured.
//
//   node scripts/bench.js [--runs N] [--projects N] [--keep]
//        [--files N] [--per-file N] [--readers a,b] [--no-batch] [--only-batch]
//   node scripts/bench.js --phases FILE     (internal: one in-process run, time per phase)
//   node scripts/bench.js --floor DIR       (internal: the read floor over a folder)

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

function benchModel(projects, dept = '示例县某局') {
  const year = 2025;
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

/**
 * Runs argv (a node command) once; returns { seconds, peakMb, status, stderr }. stdout is
 * discarded, or written to opts.stdoutFile; opts.env is added to the environment.
 */
function measure(argv, tmp, opts = {}) {
  const env = { ...process.env, ...(opts.env || {}) };
  const outFd = opts.stdoutFile ? fs.openSync(opts.stdoutFile, 'w') : 'ignore';
  try {
    return measureWith(argv, tmp, env, outFd);
  } finally {
    if (typeof outFd === 'number') fs.closeSync(outFd);
  }
}

function measureWith(argv, tmp, env, outFd) {
  if (haveTime) {
    const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { cwd: root, stdio: ['ignore', outFd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26, env });
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
    stdio: ['ignore', outFd, 'pipe'],
    encoding: 'utf8',
    env: { ...env, SELFEVAL_BENCH_RSS: rssFile },
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
  // As the CLI does: the modules `check` loads (the fast read path and the core; no ExcelJS).
  const { readGridFile } = require(path.join(build, 'node', 'batch', 'read.js'));
  const engine = require(path.join(build, 'core', 'engine.js'));
  const { readWorkbook } = require(path.join(build, 'core', 'read', 'index.js'));
  const { runChecks } = require(path.join(build, 'core', 'check', 'index.js'));
  step('加载模块');
  const grid = await readGridFile(file);
  step('读文件为 Grid（解压 + saxes，或 SELFEVAL_READER）');
  // The steps of engine.evaluate, one by one.
  const read = readWorkbook(grid);
  step('核心：读表 reader');
  const { profile } = engine.chooseProfile(read, undefined);
  runChecks(read, profile);
  step('核心：检查 checks');
  // The whole of evaluate (reader and checks again, warm, plus the findings' order), as `check` runs it.
  const ev = engine.evaluate(grid);
  step('evaluate 全程（第二次，已预热）');
  const json = JSON.stringify(engine.toCheckJson(ev, path.basename(file)), null, 2);
  step('生成 JSON');
  process.stdout.write(JSON.stringify({ marks, findings: ev.findings.length, tables: ev.check.results.length, jsonBytes: json.length }) + '\n');
}

// ---------------------------------------------------------------------------

async function singleBench(dir, readers) {
  const runs = Number(arg('--runs', '5'));
  const projects = Number(arg('--projects', '300'));
  const { layoutWorkbook } = need(path.join(build, 'core', 'template.js'));
  const { gridToXlsx } = need(path.join(build, 'node', 'xlsx.js'));

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
  out(`耗时比（check ÷ 直接加载）：${ratio.toFixed(2)}  目标（issue 12）≤ 0.50  ${ratio <= 0.5 ? '达标' : '未达标'}`);
  out(`耗时比（check ÷ 仅文档模型的加载）：${ratioDoc.toFixed(2)}`);
  const fastest = (list) => Math.min(...list.map((m) => m.seconds));
  out(`最快一次之比（受机器负载影响最小）：check ÷ 直接加载 ${(fastest(res.check) / fastest(res.bare)).toFixed(2)}，check ÷ 仅文档模型 ${(fastest(res.check) / fastest(res.bareDoc)).toFixed(2)}`);
  out(`峰值内存比：${memRatio.toFixed(2)}`);
  singleReaders(check, readers.slice(1), runs, med(res.bare), dir, out);

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

}

/** The single-file check with each further reader (SELFEVAL_READER), against the bare load. */
function singleReaders(check, readers, runs, bareSeconds, dir, out) {
  for (const reader of readers) {
    const list = [];
    for (let i = 0; i < runs; i++) list.push(measure(check, dir, { env: { SELFEVAL_READER: reader } }));
    const secs = median(list.map((m) => m.seconds));
    out(`selfeval check --json（读取方式 ${reader}）：中位数 ${secs.toFixed(2)} s，峰值内存 ${median(list.map((m) => m.peakMb)).toFixed(0)} MB；` + `÷ 直接加载 ${(secs / bareSeconds).toFixed(2)}  issue 12 目标 ≤ 0.50  ${secs / bareSeconds <= 0.5 ? '达标' : '未达标'}`);
  }
}

// ---------------------------------------------------------------------------
// The batch (issue 12): many department workbooks in one process, against one process per
// file, against the read floor.

/** Projects of the i-th department: 5–20, spread over the range. */
const projectsOf = (i) => 5 + ((i * 7) % 16);

async function makeFolder(folder, n) {
  const { layoutWorkbook } = need(path.join(build, 'core', 'template.js'));
  const { gridToXlsx } = need(path.join(build, 'node', 'xlsx.js'));
  fs.mkdirSync(folder, { recursive: true });
  let largest = { file: '', size: 0 };
  for (let i = 1; i <= n; i++) {
    const file = path.join(folder, `部门${String(i).padStart(3, '0')}.xlsx`);
    await gridToXlsx(layoutWorkbook(benchModel(projectsOf(i), `示例县第${i}局`)).grid, file);
    const size = fs.statSync(file).size;
    if (size > largest.size) largest = { file, size };
  }
  return largest;
}

function workbooksIn(folder) {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(folder, f));
}

/** --floor DIR: unzip and saxes-parse every worksheet (and the shared strings) of every file. */
function floor(folder) {
  const { unzipSync, strFromU8 } = require('fflate');
  const { SaxesParser } = require('saxes');
  let cells = 0;
  let parts = 0;
  const wanted = (name) => (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) || name === 'xl/sharedStrings.xml';
  for (const file of workbooksIn(folder)) {
    const zip = unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => wanted(f.name) });
    for (const data of Object.values(zip)) {
      const parser = new SaxesParser();
      parser.on('opentag', (tag) => {
        if (tag.name === 'c') cells++;
      });
      parser.write(strFromU8(data)).close();
      parts++;
    }
  }
  process.stdout.write(JSON.stringify({ cells, parts }) + '\n');
}

function jsonLinesOf(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

function batchRow(label, seconds, files, peakMb) {
  const cols = [seconds.toFixed(2) + ' s', (files / seconds).toFixed(1), Number.isFinite(peakMb) ? peakMb.toFixed(0) + ' MB' : '—'];
  return padEnd(label, 40) + cols.map((c) => padStart(c, 12)).join('');
}

/** One CLI process per file, over the first `count` files; the total seconds and the largest peak. */
function perFileLoop(files, reader, dir) {
  let seconds = 0;
  let peakMb = 0;
  for (const f of files) {
    const m = measure([process.execPath, path.join(root, 'bin', 'selfeval.js'), 'check', f, '--json'], dir, { env: { SELFEVAL_READER: reader } });
    if (m.status !== 0) throw new Error(`逐个检查 ${path.basename(f)} 失败（退出码 ${m.status}）：${(m.stderr || '').split('\n')[0]}`);
    seconds += m.seconds;
    peakMb = Math.max(peakMb, m.peakMb);
  }
  return { seconds, peakMb };
}

function batchForReader(reader, ctx, out) {
  const { folder, files, dir, perFile, largest } = ctx;
  const cli = [process.execPath, path.join(root, 'bin', 'selfeval.js')];
  const linesFile = path.join(dir, `batch-${reader}.jsonl`);
  const batch = measure([...cli, 'check', folder, '--json', '--quiet'], dir, { env: { SELFEVAL_READER: reader }, stdoutFile: linesFile });
  const lines = jsonLinesOf(linesFile);
  if (batch.status !== 0 || lines.length !== files.length) throw new Error(`批量检查失败（读取方式 ${reader}，退出码 ${batch.status}，${lines.length} 行）：${(batch.stderr || '').split('\n')[0]}`);
  const single = measure([...cli, 'check', largest.file, '--json'], dir, { env: { SELFEVAL_READER: reader } });
  const loop = perFileLoop(files.slice(0, perFile), reader, dir);
  const loopRate = perFile / loop.seconds;
  out(batchRow(`一个进程检查整个文件夹（${reader}）`, batch.seconds, files.length, batch.peakMb));
  out(batchRow(`每个文件一个进程（${reader}，${perFile} 个文件）`, loop.seconds, perFile, loop.peakMb));
  out(`  批量 ÷ 逐个进程 速度比：${(files.length / batch.seconds / loopRate).toFixed(1)}×  目标 ≥ 20×  ${files.length / batch.seconds / loopRate >= 20 ? '达标' : '未达标'}`);
  out(`  批量 ÷ 读取下限 耗时比：${(batch.seconds / ctx.floor.seconds).toFixed(2)}  目标 ≤ 2.00  ${batch.seconds / ctx.floor.seconds <= 2 ? '达标' : '未达标'}`);
  const extra = batch.peakMb - single.peakMb;
  out(`  峰值内存：批量 ${batch.peakMb.toFixed(0)} MB，最大的单个文件（${path.basename(largest.file)}）单独检查 ${single.peakMb.toFixed(0)} MB，多出 ${extra.toFixed(0)} MB  目标 ≤ 50 MB  ${extra <= 50 ? '达标' : '未达标'}`);
  return lines;
}

async function batchBench(dir, readers) {
  const out = (s) => process.stdout.write(s + '\n');
  const n = Number(arg('--files', '200'));
  const perFile = Math.min(n, Number(arg('--per-file', String(n))));
  const folder = path.join(dir, 'batch');
  const t0 = Date.now();
  const largest = await makeFolder(folder, n);
  const files = workbooksIn(folder);
  const total = files.reduce((x, f) => x + fs.statSync(f).size, 0);
  out('');
  out(`批量：${n} 个部门工作簿（各 1 张部门整体表 + 5–20 张项目表），共 ${(total / 1024 / 1024).toFixed(1)} MB（生成用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  const fl = measure([process.execPath, __filename, '--floor', folder], dir);
  if (fl.status !== 0) throw new Error(`读取下限失败：${(fl.stderr || '').split('\n')[0]}`);
  const ctx = { folder, files, dir, perFile, largest, floor: fl };
  out(padEnd('', 40) + ['耗时', '文件/秒', '峰值内存'].map((c) => padStart(c, 12)).join(''));
  out(batchRow('读取下限（fflate 解压 + saxes 解析）', fl.seconds, files.length, fl.peakMb));
  const byReader = readers.map((r) => batchForReader(r, ctx, out));
  for (let k = 1; k < byReader.length; k++) {
    const same = byReader[k].length === byReader[0].length && byReader[k].every((l, i) => l === byReader[0][i]);
    out(`  读取方式 ${readers[k]} 与 ${readers[0]} 的批量结果${same ? '逐行一致' : '不一致（请检查）'}`);
    if (!same) process.exitCode = 1;
  }
}

/** The readers to measure: --readers a,b, else every one src/node/batch/read.ts has. */
function readersOf() {
  const { READERS } = need(path.join(build, 'node', 'batch', 'read.js'));
  const names = Object.keys(READERS);
  const wanted = arg('--readers', names.join(',')).split(',').filter(Boolean);
  for (const r of wanted) if (!names.includes(r)) throw new Error(`未知的读取方式：${r}（可用：${names.join('、')}）`);
  return wanted;
}

async function bench() {
  // Only its presence: requiring bin.js would run the command.
  if (!fs.existsSync(path.join(build, 'node', 'bin.js'))) need(path.join(build, 'node', 'bin.js'));
  const readers = readersOf();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-'));
  if (!process.argv.includes('--only-batch')) await singleBench(dir, readers);
  if (!process.argv.includes('--no-batch')) await batchBench(dir, readers);
  if (process.argv.includes('--keep')) process.stdout.write(`\n工作簿保留在：${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--floor') {
  floor(process.argv[3]);
} else if (process.argv[2] === '--phases') {
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
