// A small, tolerant XML reader: enough for the parts of an Office file (WordprocessingML document,
// numbering and styles; SpreadsheetML in the tests). No DTDs, no external entities: `<!DOCTYPE` is
// skipped, only the five predefined entities and character references are decoded.
//
// Element and attribute names are returned with a canonical prefix for the namespaces we read
// ("w:" for WordprocessingML, transitional or strict; "mc:" for markup compatibility), whatever prefix
// the file declares, so a document written by another tool with "ns0:p" still reads as "w:p".
// Other names keep the prefix they were written with.
//
// Never throws: on malformed input it keeps what it could read and sets `error`.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlParseResult {
  root: XmlElement | null;
  error?: string;
}

const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'x',
  'http://purl.oclc.org/ooxml/spreadsheetml/main': 'x',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function canonicalName(qname: string, scope: Map<string, string>, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  if (colon < 0) {
    if (isAttr) return qname; // unprefixed attributes have no namespace
    const uri = scope.get('');
    const prefix = uri !== undefined ? CANONICAL_PREFIX[uri] : undefined;
    return prefix ? `${prefix}:${qname}` : qname;
  }
  const prefix = qname.slice(0, colon);
  if (prefix === 'xml' || prefix === 'xmlns') return qname;
  const uri = scope.get(prefix);
  const canonical = uri !== undefined ? CANONICAL_PREFIX[uri] : undefined;
  return canonical ? `${canonical}:${qname.slice(colon + 1)}` : qname;
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses an XML document into a tree. Text nodes are decoded; whitespace-only text is kept. */
export function parseXml(xml: string): XmlParseResult {
  const text = String(xml ?? '').replace(/^\uFEFF/, '');
  const top: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: { el: XmlElement; scope: Map<string, string>; rawName: string }[] = [{ el: top, scope: new Map(), rawName: '' }];
  let error: string | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      stack[stack.length - 1].el.children.push(decodeEntities(raw));
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      const body = text.slice(i + 9, close < 0 ? n : close);
      stack[stack.length - 1].el.children.push(body);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (text.startsWith('<!', i)) {
      // DOCTYPE and other declarations: skipped (an internal subset in brackets is skipped as a whole).
      let depth = 0;
      let j = i + 2;
      for (; j < n; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      i = j + 1;
      continue;
    }
    // A tag: find its end, skipping ">" inside quoted attribute values.
    let j = i + 1;
    let quoteChar = '';
    for (; j < n; j++) {
      const c = text[j];
      if (quoteChar) {
        if (c === quoteChar) quoteChar = '';
      } else if (c === '"' || c === "'") quoteChar = c;
      else if (c === '>') break;
    }
    if (j >= n) {
      error ??= `thẻ XML không đóng ở vị trí ${i}`;
      break;
    }
    const inner = text.slice(i + 1, j);
    i = j + 1;
    if (inner.startsWith('/')) {
      const rawName = inner.slice(1).trim();
      // Close the nearest open element with this name; tolerate stray closing tags.
      let k = stack.length - 1;
      while (k > 0 && stack[k].rawName !== rawName) k--;
      if (k > 0) {
        if (k < stack.length - 1) error ??= `thẻ <${stack[stack.length - 1].rawName}> không đóng trước </${rawName}>`;
        stack.length = k;
      } else error ??= `thẻ đóng thừa </${rawName}>`;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) {
      error ??= `thẻ XML không có tên ở vị trí ${lt}`;
      continue;
    }
    const rawName = nameMatch[0];
    const parentScope = stack[stack.length - 1].scope;
    let scope = parentScope;
    const rawAttrs: [string, string][] = [];
    ATTR.lastIndex = rawName.length;
    for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) {
      const value = decodeEntities(m[3] ?? m[4] ?? '');
      const key = m[1];
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(key === 'xmlns' ? '' : key.slice(6), value);
      }
      rawAttrs.push([key, value]);
    }
    const attrs: Record<string, string> = {};
    for (const [key, value] of rawAttrs) attrs[canonicalName(key, scope, true)] = value;
    const el: XmlElement = { name: canonicalName(rawName, scope, false), attrs, children: [] };
    stack[stack.length - 1].el.children.push(el);
    if (!selfClosing) stack.push({ el, scope, rawName });
  }
  if (stack.length > 1 && !error) error = `thẻ <${stack[stack.length - 1].rawName}> không đóng`;
  const root = top.children.find((c): c is XmlElement => typeof c !== 'string') ?? null;
  return error ? { root, error } : { root };
}

// ---------------------------------------------------------------------------------------------------
// Tree helpers

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

export function childElements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All text of an element (text nodes only, in order). */
export function textContent(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** `w:val` of a child property element, e.g. valOf(tcPr, 'w:gridSpan'). */
export function valOf(el: XmlElement | undefined, name: string): string | undefined {
  const child = firstChild(el, name);
  return child ? child.attrs['w:val'] ?? child.attrs.val : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Writing

const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for an XML text node or attribute value, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  return String(s)
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
