// 一、部门基本情况 / 项目基本情况: （一）概况 （二）收支预决算 / 资金 （三）绩效目标、指标.

import type { Table } from '../types';
import type { Ctx, Funds } from './context';
import { fundsRow, lab, projectName, rateOf, rateRef, resultOf } from './context';
import { fmtRate } from '../format';
import { bare, endSentence, numOf, sameAt2, splitItems, textOf } from './text';
import { projectsTable } from './projectsTable';
import * as W from './wording';

export function writeSection1(c: Ctx): void {
  c.b.section(c.h.s1);
  c.b.subsection(c.h.s1a);
  if (c.projectOnly) writeProjectOverview(c);
  else writeOverview(c);
  c.b.subsection(c.h.s1b);
  if (c.projectOnly) writeProjectFunds(c);
  else writeFunds(c);
  c.b.subsection(c.h.s1c);
  writeGoals(c);
}

function writeOverview(c: Ctx): void {
  const { b, basic } = c;
  if (!basic) {
    b.para(W.NO_BASIC_PART);
    return;
  }
  const duties = textOf(basic.duties);
  b.item3(W.DUTIES(duties ? endSentence(duties) : W.NOT_FILLED));
  const posts: string[] = [];
  const count = (label: string, f: typeof basic.staff, unit: string) => {
    if (f && numOf(f) !== undefined) posts.push(`${label}${b.fig(label, `${f.value}${unit}`, f.value, f.ref)}`);
  };
  count('行政编制', basic.adminPosts, '名');
  count('事业编制', basic.institutionPosts, '名');
  count('实有人数', basic.staff, '人');
  const org = textOf(basic.organisation);
  const orgText = (org ? endSentence(org) : '') + (posts.length ? `${posts.join('，')}。` : '');
  b.item3(W.ORG(orgText || W.NOT_FILLED));
  const amount = (label: string, f: typeof basic.assets) => (f && numOf(f) !== undefined ? `${label}${b.wan(label, f.value, f.ref)}` : undefined);
  const total = amount('资产总额', basic.assets);
  const parts = [amount('固定资产', basic.fixedAssets), amount('无形资产', basic.intangibleAssets)].filter((x): x is string => !!x);
  if (total || parts.length) {
    const when = c.year ? W.ASSETS_AT(c.year) : '';
    const lead = total ? total + (parts.length ? `，其中${parts.join('、')}` : '') : parts.join('、');
    b.item3(W.ASSETS(`${when}${c.subject}${lead}。`));
  } else b.item3(W.ASSETS(W.NOT_FILLED));
}

function writeFunds(c: Ctx): void {
  const { b, basic, dept } = c;
  const total = fundsRow(dept, 'total');
  const sentences: string[] = [];
  if (dept && total) {
    const s: string[] = [];
    if (total.initial !== undefined) s.push(`年初预算数为${b.wan('年初预算数', total.initial, total.row.initial!.ref)}`);
    if (total.adjusted !== undefined) s.push(`全年预算数为${b.wan('全年预算数', total.adjusted, total.row.adjusted!.ref)}`);
    if (total.executed !== undefined) s.push(`全年执行数为${b.wan('全年执行数', total.executed, total.row.executed!.ref)}`);
    const rate = rateOf(resultOf(c, dept), total);
    if (rate !== undefined) s.push(`预算执行率为${execRate(c, dept, rate, total)}`);
    sentences.push(s.length ? `${c.yearWords}${c.subject}${s.join('，')}。` : W.FUNDS_NONE_TABLE);
    sentences.push(components(c));
    sentences.push(splits(c));
    const carry = fundsRow(dept, 'carryover');
    const carryAmt = carry?.adjusted ?? carry?.initial;
    if (carry && carryAmt !== undefined) {
      const ref = carry.adjusted !== undefined ? carry.row.adjusted!.ref : carry.row.initial!.ref;
      sentences.push(`上年结转资金${b.wan('上年结转资金', carryAmt, ref)}。`);
    } else if (basic?.carryover && numOf(basic.carryover) !== undefined) {
      sentences.push(`上年结转资金${b.wan('上年结转', basic.carryover.value, basic.carryover.ref)}。`);
    }
    // 年初预算收入 of 基本情况 that differs from the table: funds.conflict says it; the narrative keeps the table's figure.
    if (basic?.budgetIncome && numOf(basic.budgetIncome) !== undefined && total.initial !== undefined && sameAt2(basic.budgetIncome.value, total.initial))
      b.wan('年初预算收入', basic.budgetIncome.value, basic.budgetIncome.ref);
    if (basic?.finalIncome && numOf(basic.finalIncome) !== undefined) sentences.push(`决算收入${b.wan('决算收入', basic.finalIncome.value, basic.finalIncome.ref)}。`);
  } else if (basic && (numOf(basic.budgetIncome) !== undefined || numOf(basic.finalIncome) !== undefined)) {
    const s: string[] = [];
    if (basic.budgetIncome && numOf(basic.budgetIncome) !== undefined) s.push(`年初预算收入${b.wan('年初预算收入', basic.budgetIncome.value, basic.budgetIncome.ref)}`);
    if (basic.finalIncome && numOf(basic.finalIncome) !== undefined) s.push(`决算收入${b.wan('决算收入', basic.finalIncome.value, basic.finalIncome.ref)}`);
    if (basic.carryover && numOf(basic.carryover) !== undefined) s.push(`上年结转${b.wan('上年结转', basic.carryover.value, basic.carryover.ref)}`);
    sentences.push(`${c.yearWords}${c.subject}${s.join('，')}。${W.FUNDS_NO_RATE}`);
  } else sentences.push(W.FUNDS_NONE);
  b.para(sentences.join(''));
}

/** The 执行率 of table `t` as printed, recorded with a note saying what the table states. */
export function execRate(c: Ctx, t: Table, rate: number, f: Funds): string {
  const stated = numOf(f.row.rate);
  const note = stated !== undefined && !sameAt2(stated * 100, rate * 100) ? W.NOTE_STATED(fmtRate(stated)) : W.NOTE_RECOMPUTED;
  return c.b.rate(lab(t, '执行率（重算）'), rate, rateRef(t, f), note);
}

function components(c: Ctx): string {
  const comp: string[] = [];
  for (const [kind, name] of [
    ['basic', '基本支出'],
    ['project', '项目支出'],
  ] as const) {
    const r = fundsRow(c.dept, kind);
    if (!r) continue;
    const p: string[] = [];
    if (r.adjusted !== undefined) p.push(`全年预算数${c.b.wan(`${name}全年预算数`, r.adjusted, r.row.adjusted!.ref)}`);
    if (r.executed !== undefined) p.push(`全年执行数${c.b.wan(`${name}全年执行数`, r.executed, r.row.executed!.ref)}`);
    if (p.length) comp.push(`${name}${p.join('、')}`);
  }
  return comp.length ? `其中：${comp.join('；')}。` : '';
}

/** The splits of the total the table states (按收入性质分 / 按支出性质分), each part with its amount. */
function splits(c: Ctx): string {
  const list: string[] = [];
  for (const sp of c.dept?.funds?.splits ?? []) {
    if (!sp || !Array.isArray(sp.parts)) continue;
    const name = sp.kind === 'income' ? '按收入性质分' : '按支出性质分';
    const total = sp.stated && numOf(sp.stated) !== undefined ? c.b.wan(`${name}合计`, sp.stated.value, sp.stated.ref) : undefined;
    const parts: string[] = [];
    for (const part of sp.parts) {
      const amt = numOf(part.amount);
      if (amt === undefined || !part.label) continue;
      parts.push(`${part.label}${c.b.wan(`${name}：${part.label}`, amt, part.amount.ref)}`);
    }
    if (total || parts.length) list.push(W.SPLIT(sp.kind, total, parts));
  }
  return list.length ? W.SPLITS(list) : '';
}

function writeProjectOverview(c: Ctx): void {
  for (const p of c.projects) {
    const parts: string[] = [];
    if (textOf(p.competentDept)) parts.push(`主管部门为${c.b.fig('主管部门', textOf(p.competentDept)!, textOf(p.competentDept)!, p.competentDept!.ref)}`);
    if (textOf(p.implementer)) parts.push(`实施单位为${c.b.fig('实施单位', textOf(p.implementer)!, textOf(p.implementer)!, p.implementer!.ref)}`);
    const text = parts.length ? `${parts.join('，')}。` : W.NOT_FILLED;
    if (c.projects.length === 1) c.b.para(`${projectName(p)}${text === W.NOT_FILLED ? '的主管部门和实施单位未填写。' : text}`);
    else c.b.item3(`${projectName(p)}：${text}`);
  }
  if (c.basic && textOf(c.basic.duties)) c.b.para(W.DUTIES(endSentence(textOf(c.basic.duties)!)));
}

function writeProjectFunds(c: Ctx): void {
  let adj = 0;
  let exe = 0;
  let n = 0;
  for (const p of c.projects) {
    const f = fundsRow(p, 'total');
    if (f?.adjusted === undefined || f.executed === undefined) continue;
    n++;
    adj += f.adjusted;
    exe += f.executed;
  }
  const first = c.projects.map((p) => fundsRow(p, 'total')).find((f) => f?.adjusted !== undefined && f.executed !== undefined);
  if (c.projects.length > 1 && first) {
    const { b } = c;
    const adjText = b.wan('项目全年预算数合计（重算）', adj, first.row.adjusted!.ref, W.NOTE_RECOMPUTED);
    const exeText = b.wan('项目全年执行数合计（重算）', exe, first.row.executed!.ref, W.NOTE_RECOMPUTED);
    let s = W.FUNDS_PROJECTS_SUM(n, c.yearWords, adjText, exeText);
    if (adj > 0) s += `，预算执行率为${b.rate('执行率（重算）', exe / adj, first.row.executed!.ref, W.NOTE_RECOMPUTED)}`;
    b.para(s + '。' + (n < c.projects.length ? W.FUNDS_PROJECTS_INCOMPLETE : ''));
  }
  projectsTable(c);
}

function writeGoals(c: Ctx): void {
  const { b, dept, projects, basic } = c;
  if (dept) {
    const exp = textOf(dept.goals?.expected);
    b.para(exp ? W.GOAL_DEPT(endSentence(bare(exp))) : W.GOAL_DEPT_NONE);
  } else if (projects.length === 1) {
    const exp = textOf(projects[0].goals?.expected);
    b.para(exp ? W.GOAL_DEPT(endSentence(bare(exp))) : W.GOAL_DEPT_NONE);
  } else if (projects.length) {
    b.para(W.GOALS_PROJECTS_LEAD);
    for (const p of projects) {
      const exp = textOf(p.goals?.expected);
      b.para(W.GOAL_PROJECT(projectName(p), exp ? endSentence(bare(exp)) : undefined));
    }
  }
  const items = splitItems(textOf(basic?.achievements));
  if (items.length) {
    b.para(W.ACHIEVEMENTS_LEAD(c.yearWords));
    for (const it of items) b.item3(it);
  } else if (basic) b.para(W.ACHIEVEMENTS_NONE);
}
