/**
 * A forward-only XML tokenizer for the few SpreadsheetML parts a tape needs (no DOM, no
 * per-node objects): text is fed in chunks, each start tag, end tag and — only while the handler
 * is `collecting` — each piece of text is handed over as it is met. It checks what the reader
 * relies on (XML 1.0: tags close in order, one root, known entities, no `<` inside a tag, no
 * control characters in text) and refuses DOCTYPEs outright (no entity expansion, so no billion
 * laughs). Namespace prefixes are dropped: `<x:row>` is a row (ECMA-376 Part 1 §8 allows any prefix).
 */

export class XmlError extends Error {}

export interface XmlHandler {
  /** True while the handler wants the text between tags; only then is text sliced and decoded. */
  readonly collecting: boolean;
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML 1.0 §2.2 Char: no C0 controls but tab, LF and CR, no U+FFFE/U+FFFF. */
// oxlint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function entity(body: string): string {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : body.startsWith('#') ? Number.parseInt(body.slice(1), 10) : Number.NaN;
  if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body) || !(code >= 1 && code <= 0x10ffff)) throw new XmlError(`unknown entity "&${body.slice(0, 20)};"`);
  return String.fromCodePoint(code);
}

/** Text or an attribute value with its entity and character references replaced. */
export function decodeXml(raw: string): string {
  if (NOT_XML_CHAR.test(raw)) throw new XmlError(`a character not allowed in XML (U+${(raw.match(NOT_XML_CHAR)?.[0] ?? '').charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError('"&" that starts no entity (write it as &amp;)');
    out += raw.slice(from, amp) + entity(raw.slice(amp + 1, semi));
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * Deeper than any SpreadsheetML part nests (a worksheet's rich text is 7 deep:
 * worksheet/sheetData/row/c/is/r/t): the scanner keeps every open element, and 30 million nested
 * tags (a 201 KB file) took a gigabyte before this bound.
 */
const MAX_DEPTH = 256;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The values of the named attributes in a start tag's attribute text, in one pass: `values[k]`
 * gets `names[k]`'s decoded value, or undefined when absent. Every attribute must be
 * `name="value"` or `name='value'` (XML 1.0 §3.1); anything else is damage.
 */
export function readAttributes(attributes: string, names: readonly string[], values: (string | undefined)[]): void {
  for (let k = 0; k < values.length; k++) values[k] = undefined;
  const n = attributes.length;
  let i = 0;
  while (i < n) {
    if (isSpace(attributes.charCodeAt(i))) {
      i++;
      continue;
    }
    const eq = attributes.indexOf('=', i);
    if (eq < 0) throw new XmlError(`a malformed attribute "${attributes.slice(i, i + 20).trim()}"`);
    let nameEnd = eq;
    while (nameEnd > i && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd--;
    let open = eq + 1;
    while (isSpace(attributes.charCodeAt(open))) open++;
    const quote = attributes.charCodeAt(open);
    if (quote !== 34 && quote !== 39) throw new XmlError(`attribute ${attributes.slice(i, nameEnd)} has no quoted value`);
    const close = attributes.indexOf(quote === 34 ? '"' : "'", open + 1);
    if (close < 0) throw new XmlError(`attribute ${attributes.slice(i, nameEnd)} has no closing quote`);
    const length = nameEnd - i;
    const first = attributes.charCodeAt(i);
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      if (name.length === length && name.charCodeAt(0) === first && (length === 1 || attributes.startsWith(name, i))) {
        const raw = attributes.slice(open + 1, close);
        values[k] = raw.indexOf('&') < 0 ? raw : decodeXml(raw);
        break;
      }
    }
    i = close + 1;
    if (i < n && !isSpace(attributes.charCodeAt(i))) throw new XmlError(`attributes run together after ${attributes.slice(Math.max(0, i - 20), i)}`);
  }
}

/** The value of one attribute in a start tag's attribute text, decoded; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  const values: (string | undefined)[] = [undefined];
  readAttributes(attributes, [name], values);
  return values[0];
}

/** The index of the `>` ending the tag whose name starts at `from` (quotes respected), or -1 if the chunk ends first. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === 60) throw new XmlError('"<" inside a tag');
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

export class XmlScanner {
  private pending = '';
  private readonly open: string[] = [];
  /** The open elements' local names, beside `open` (their qualified names). */
  private readonly locals: string[] = [];
  private rootClosed = false;

  private readonly handler: XmlHandler;

  constructor(handler: XmlHandler) {
    this.handler = handler;
  }

  /** The element path for errors, e.g. `worksheet/sheetData/row/c`. */
  get path(): string {
    return this.open.map(localName).join('/');
  }

  feed(chunk: string): void {
    const buf = this.pending.length > 0 ? this.pending + chunk : chunk;
    const handler = this.handler;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos && handler.collecting) handler.text(decodeXml(buf.slice(pos, lt)));
      pos = lt;
      const next = this.token(buf, lt);
      if (next < 0) break;
      pos = next;
    }
    this.pending = buf.slice(pos);
  }

  /** Checks that the part ended with its root element closed. */
  end(): void {
    if (this.pending.trim() !== '') throw new XmlError(`the part ends inside ${this.pending.startsWith('<') ? 'a tag' : 'text'}`);
    if (this.open.length > 0) throw new XmlError(`the part ends with <${this.open.at(-1) ?? ''}> still open (${this.path})`);
    if (!this.rootClosed) throw new XmlError('the part holds no XML element');
  }

  /** Handles the markup at `lt`; returns where scanning resumes, or -1 when the chunk ends inside it. */
  private token(buf: string, lt: number): number {
    const c = buf.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    if (c === 47) {
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      this.closeTag(buf, lt + 2, gt);
      return gt + 1;
    }
    if (c === 63) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c === 33) return this.declaration(buf, lt);
    const gt = tagEnd(buf, lt + 1);
    if (gt < 0) return -1;
    this.openTag(buf, lt + 1, gt);
    return gt + 1;
  }

  private openTag(buf: string, from: number, gt: number): void {
    if (!isNameStart(buf.charCodeAt(from))) throw new XmlError(`a malformed tag "${buf.slice(from - 1, Math.min(gt + 1, from + 20))}"`);
    if (this.rootClosed && this.open.length === 0) throw new XmlError('a second root element');
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let nameEnd = from + 1;
    for (; nameEnd < gt; nameEnd++) {
      const c = buf.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    }
    const name = buf.slice(from, nameEnd);
    const local = localName(name);
    const attributes = buf.slice(nameEnd, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      if (this.open.length === 0) this.rootClosed = true;
    } else {
      if (this.open.length >= MAX_DEPTH) throw new XmlError(`elements nested more than ${MAX_DEPTH} deep`);
      this.open.push(name);
      this.locals.push(local);
    }
    this.handler.open(local, attributes, selfClosing);
  }

  /** `</name>` between `from` and `gt`: it must close the innermost open element (compared in place, no copy). */
  private closeTag(buf: string, from: number, gt: number): void {
    const top = this.open.at(-1);
    let end = from + (top?.length ?? 0);
    if (top !== undefined && end <= gt && buf.startsWith(top, from)) while (end < gt && isSpace(buf.charCodeAt(end))) end++;
    if (top === undefined || end !== gt) {
      const name = buf.slice(from, gt).trimEnd();
      throw new XmlError(top === undefined ? `</${name}> closes no open element` : `</${name}> where </${top}> was expected`);
    }
    this.open.pop();
    const local = this.locals.pop() ?? '';
    if (this.open.length === 0) this.rootClosed = true;
    this.handler.close(local);
  }

  /** Comments are skipped, CDATA is text, a DOCTYPE is refused. */
  private declaration(buf: string, lt: number): number {
    if (buf.length < lt + 9) return -1;
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.handler.collecting) this.handler.text(buf.slice(lt + 9, end));
      return end + 3;
    }
    throw new XmlError(buf.startsWith('<!DOCTYPE', lt) ? 'a DOCTYPE declaration (a workbook part never holds one)' : `a malformed declaration "${buf.slice(lt, lt + 12)}"`);
  }
}
