// A small streaming scanner for the XML of Office files: tags and text, nothing more. Only the predefined
// and numeric entities are decoded; a DOCTYPE is ignored, so no entity from the file is ever expanded.

export type XmlHandlers = {
  open: (name: string, attrs: string, selfClosing: boolean) => void;
  close: (name: string) => void;
  text: (text: string) => void;
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16)) ?? m;
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10)) ?? m;
    return NAMED[ref] ?? m;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

export function scanXml(xml: string, h: XmlHandlers): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (i < n) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      h.text(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith('/')) {
      h.close(body.slice(1).trim());
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const name = space < 0 ? inner : inner.slice(0, space);
    h.open(name, space < 0 ? '' : inner.slice(space), selfClosing);
    if (selfClosing) h.close(name);
  }
}

/** The value of one attribute in a tag's attribute text, decoded; undefined when absent. */
const ATTR_RE = new Map<string, RegExp>();

export function attr(attrs: string, name: string): string | undefined {
  if (!attrs) return undefined;
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? '');
}

/** OOXML on/off properties: `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"|"false"|"off"` is off. */
export function onOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}
