// The add-in manifest, checked offline: well-formed, the elements in the order the
// schema wants, a GUID, every resid defined and short enough, every address https on the
// development base, the requirement set, and the icons it names present and the right size.

import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { parseXml, allElements, child, type XmlElement } from './miniXml';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const BASE = 'https://localhost:3000/';
const src = fs.readFileSync(MANIFEST, 'utf8');
const root = parseXml(src);
const els = allElements(root);

function only(name: string, within: XmlElement = root): XmlElement {
  const found = allElements(within).filter((e) => e.name === name);
  expect(found.map((e) => e.name)).toEqual([name]);
  return found[0];
}

function pngSize(file: string): { w: number; h: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is well-formed (xmllint where installed, and our own reader)', () => {
    if (fs.existsSync('/usr/bin/xmllint')) {
      // Throws (non-zero exit) on any well-formedness error.
      execFileSync('/usr/bin/xmllint', ['--noout', MANIFEST], { stdio: 'pipe' });
    }
    expect(root.name).toBe('OfficeApp');
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1"><b/>')).toThrow(/unclosed/);
  });

  it('is a task-pane app for Excel workbooks with the top-level elements in schema order', () => {
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(root.children.map((c) => c.name)).toEqual(order);
    expect(child(root, 'Version')?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'DefaultLocale')?.text).toBe('zh-CN');
    expect(child(child(root, 'Hosts') as XmlElement, 'Host')?.attrs.Name).toBe('Workbook');
    expect(child(root, 'Permissions')?.text).toBe('ReadWriteDocument');
    expect(child(root, 'DefaultSettings')?.children[0].attrs.DefaultValue).toBe(BASE + 'taskpane.html');
  });

  it('has a GUID id', () => {
    expect(child(root, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  it('names Chinese defaults with en-US overrides within the length limits', () => {
    for (const name of ['DisplayName', 'Description']) {
      const e = child(root, name) as XmlElement;
      expect(e.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(child(e, 'Override')?.attrs.Locale).toBe('en-US');
    }
    expect((child(root, 'DisplayName') as XmlElement).attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect((child(root, 'Description') as XmlElement).attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    const strings = (group: string) => (only(group).children as XmlElement[]).filter((e) => e.name === 'bt:String');
    for (const s of strings('bt:ShortStrings')) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      expect(child(s, 'bt:Override')?.attrs.Locale).toBe('en-US');
      expect(child(s, 'bt:Override')?.attrs.Value.length).toBeLessThanOrEqual(125);
    }
    for (const s of strings('bt:LongStrings')) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
      expect(child(s, 'bt:Override')?.attrs.Locale).toBe('en-US');
    }
  });

  it('requires ExcelApi 1.7', () => {
    const sets = only('Sets', child(root, 'Requirements'));
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([['Set', 'ExcelApi', '1.7']]);
  });

  it('defines every resid it references, once, each at most 32 characters', () => {
    const defined = els.filter((e) => e.name.startsWith('bt:') && e.attrs.id !== undefined && e.attrs.DefaultValue !== undefined).map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = els.filter((e) => e.attrs.resid !== undefined).map((e) => e.attrs.resid);
    expect(referenced.length).toBeGreaterThan(5);
    for (const id of [...defined, ...referenced]) expect(id.length).toBeLessThanOrEqual(32);
    for (const id of referenced) expect(defined).toContain(id);
    // Nothing defined and left unused.
    for (const id of defined) expect(referenced).toContain(id);
  });

  it('puts a 绩效自评 group on the Home tab with a button that opens the task pane', () => {
    const tab = only('OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = only('Group', tab);
    const label = (e: XmlElement) => {
      const resid = child(e, 'Label')?.attrs.resid;
      return els.find((x) => x.name === 'bt:String' && x.attrs.id === resid)?.attrs.DefaultValue;
    };
    expect(label(group)).toBe('绩效自评');
    const button = only('Control', group);
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(label(button)).toBe('打开绩效自评助手');
    const action = only('Action', button);
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const sizes = allElements(button)
      .filter((e) => e.name === 'bt:Image')
      .map((e) => e.attrs.size);
    expect(sizes).toEqual(['16', '32', '80']);
    expect(only('FunctionFile').attrs.resid).toBeDefined();
  });

  it('uses https on the development base for every address', () => {
    const urls = [...src.replace(/<!--[\s\S]*?-->/g, '').matchAll(/\b[a-z]+:\/\/[^"'<\s]+/gi)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(BASE) || u === BASE.replace(/\/$/, '')).toBe(true);
  });

  it('names icons that exist in assets/ with the size they claim', () => {
    const iconUrls = els.flatMap((e) => Object.values(e.attrs)).filter((v) => /\/assets\/icon-\d+\.png$/.test(v));
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const u of iconUrls) {
      const file = path.join(ROOT, u.slice(BASE.length));
      expect(fs.existsSync(file)).toBe(true);
      const n = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
      expect(pngSize(file)).toEqual({ w: n, h: n });
    }
    // The ribbon images: each size's own file.
    for (const img of els.filter((e) => e.name === 'bt:Image' && e.attrs.id)) {
      const n = /(\d+)x\1$/.exec(img.attrs.id)?.[1];
      expect(img.attrs.DefaultValue).toBe(`${BASE}assets/icon-${n}.png`);
    }
  });

  it('reads with office-addin-manifest (offline) to the same id and names', () => {
    // In a child node: the package's JSON-manifest half loads ES modules jest cannot require.
    const script = `require('office-addin-manifest/lib/manifestOperations').OfficeAddinManifest.readManifestFile(process.argv[1]).then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(e.message); process.exit(1); });`;
    const out = execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const info = JSON.parse(out);
    expect(info.id).toBe(child(root, 'Id')?.text);
    expect(info.displayName).toBe('绩效自评助手');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.defaultSettings.sourceLocation).toBe(BASE + 'taskpane.html');
  });
});

describe('icons', () => {
  it('are the ones scripts/make-icons.js draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { draw, SIZES } = require('../../scripts/make-icons.js') as { draw: (n: number) => Buffer; SIZES: number[] };
    expect(SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const n of SIZES) {
      const png = draw(n);
      expect(png.equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${n}.png`)))).toBe(true);
    }
  });
});
