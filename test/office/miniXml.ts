// A small XML reader for the manifest test: enough XML to check the manifest's
// structure (elements, attributes, text, comments, the declaration), strict about
// balance, with no package needed.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    if (!(e in ENTITIES)) throw new Error(`line ${line}: unknown entity &${e};`);
    return ENTITIES[e];
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;

/** Parses a document into its root element; throws on anything unbalanced or malformed. */
export function parseXml(src: string): XmlElement {
  let i = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (src[k] === '\n') line++;
    i = to;
  };
  const fail = (msg: string): never => {
    throw new Error(`line ${line}: ${msg}`);
  };
  if (src.charCodeAt(0) === 0xfeff) i = 1;
  while (i < src.length) {
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction');
      if (root || stack.length) fail('processing instruction after the root element');
      advance(end + 2);
    } else if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (src.slice(i + 4, end).includes('--')) fail("'--' inside a comment");
      advance(end + 3);
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      if (end < 0 || !stack.length) fail('bad CDATA section');
      stack[stack.length - 1].text += src.slice(i + 9, end);
      advance(end + 3);
    } else if (src.startsWith('<!', i)) {
      fail('DOCTYPE and declarations are not expected');
    } else if (src.startsWith('</', i)) {
      const end = src.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = src.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      else if (open.name !== name) fail(`end tag </${name}> closes <${open.name}> (line ${open.line})`);
      advance(end + 1);
    } else if (src[i] === '<') {
      const startLine = line;
      let k = i + 1;
      const m = NAME.exec(src.slice(k));
      if (!m) fail('bad element name');
      const name = (m as RegExpExecArray)[0];
      k += name.length;
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (/\s/.test(src[k] ?? '')) k++;
        if (src[k] === '>') {
          k++;
          break;
        }
        if (src.startsWith('/>', k)) {
          selfClosing = true;
          k += 2;
          break;
        }
        const am = NAME.exec(src.slice(k));
        if (!am) fail(`bad attribute in <${name}>`);
        const an = (am as RegExpExecArray)[0];
        k += an.length;
        while (/\s/.test(src[k] ?? '')) k++;
        if (src[k] !== '=') fail(`attribute ${an} of <${name}> has no value`);
        k++;
        while (/\s/.test(src[k] ?? '')) k++;
        const q = src[k];
        if (q !== '"' && q !== "'") fail(`attribute ${an} of <${name}> is not quoted`);
        const close = src.indexOf(q, k + 1);
        if (close < 0) fail(`unterminated attribute ${an}`);
        const raw = src.slice(k + 1, close);
        if (raw.includes('<')) fail(`'<' in attribute ${an}`);
        if (an in attrs) fail(`attribute ${an} repeated in <${name}>`);
        attrs[an] = decode(raw, line);
        k = close + 1;
      }
      const el: XmlElement = { name, attrs, children: [], text: '', line: startLine };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail('a second root element');
      else root = el;
      if (!selfClosing) stack.push(el);
      advance(k);
    } else {
      const next = src.indexOf('<', i);
      const end = next < 0 ? src.length : next;
      const text = src.slice(i, end);
      if (!stack.length) {
        if (text.trim()) fail('text outside the root element');
      } else stack[stack.length - 1].text += decode(text, line);
      advance(end);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line})`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

export function child(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}
