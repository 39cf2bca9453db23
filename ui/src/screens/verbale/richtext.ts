// The verbale's rich text (RichText: paragraphs of bold/italic spans, bullet and numbered lists)
// to and from the DOM of a contenteditable.
//
// Safety contract: `renderRichText` builds elements with document.createElement and puts every
// character of user text in a text node (never innerHTML); `readRichText` reads TEXT NODES only,
// taking from elements nothing but their tag name (b/strong, i/em, p/div, br, ul/ol/li) and the
// computed bold/italic of inline styles WebKit writes. Attributes are never read, script and
// style content is skipped, any other element contributes only its text. Pasted content is plain
// text (`pastedText`), so markup a user copies from elsewhere arrives as literal characters.
import type { Block } from '../../lib/bindings/Block';
import type { ListItem } from '../../lib/bindings/ListItem';
import type { RichText } from '../../lib/bindings/RichText';
import type { Span } from '../../lib/bindings/Span';

/** Deepest list nesting the core accepts (src/minutes/richtext.rs MAX_DEPTH). */
export const MAX_DEPTH = 3;

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'HEAD', 'TITLE']);
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TABLE', 'TR']);
const LISTS = new Set(['UL', 'OL']);

export const EMPTY: RichText = { blocks: [] };

/** Control characters the core refuses in a span (tabs and newlines become spaces). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\u00a0/g, ' ');
}

// ---- model → DOM --------------------------------------------------------------------------

function spanNode(doc: Document, span: Span): Node {
  let node: Node = doc.createTextNode(span.text);
  if (span.italic) {
    const em = doc.createElement('em');
    em.appendChild(node);
    node = em;
  }
  if (span.bold) {
    const strong = doc.createElement('strong');
    strong.appendChild(node);
    node = strong;
  }
  return node;
}

function appendSpans(doc: Document, parent: HTMLElement, spans: Span[]): void {
  for (const s of spans) if (s.text !== '') parent.appendChild(spanNode(doc, s));
  if (!parent.hasChildNodes()) parent.appendChild(doc.createElement('br'));
}

function blockNode(doc: Document, block: Block): HTMLElement {
  if (block.type === 'paragraph') {
    const p = doc.createElement('p');
    appendSpans(doc, p, block.spans);
    return p;
  }
  const list = doc.createElement(block.type === 'bullet_list' ? 'ul' : 'ol');
  for (const item of block.items) {
    const li = doc.createElement('li');
    const [first, ...rest] = item.blocks;
    // The usual item, one paragraph (maybe followed by a nested list), is written inline in the
    // <li> so that editing it does not create stray paragraphs.
    if (first?.type === 'paragraph') {
      for (const s of first.spans) if (s.text !== '') li.appendChild(spanNode(doc, s));
      if (!li.hasChildNodes() && rest.length === 0) li.appendChild(doc.createElement('br'));
      for (const b of rest) li.appendChild(blockNode(doc, b));
    } else {
      for (const b of item.blocks) li.appendChild(blockNode(doc, b));
      if (!li.hasChildNodes()) li.appendChild(doc.createElement('br'));
    }
    list.appendChild(li);
  }
  return list;
}

/** Replaces the children of `root` with the DOM of `text` (one empty paragraph when empty). */
export function renderRichText(root: HTMLElement, text: RichText): void {
  const doc = root.ownerDocument;
  const nodes = text.blocks.map((b) => blockNode(doc, b));
  if (nodes.length === 0) {
    const p = doc.createElement('p');
    p.appendChild(doc.createElement('br'));
    nodes.push(p);
  }
  root.replaceChildren(...nodes);
}

// ---- DOM → model --------------------------------------------------------------------------

interface Style {
  bold: boolean;
  italic: boolean;
}

function styleOf(el: Element, inherited: Style): Style {
  const tag = el.tagName.toUpperCase();
  let { bold, italic } = inherited;
  if (tag === 'B' || tag === 'STRONG') bold = true;
  if (tag === 'I' || tag === 'EM') italic = true;
  // WebKit may write <span style="font-weight: bold"> when formatting across blocks.
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style) {
    const weight = style.fontWeight;
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) bold = true;
    else if (weight === 'normal' || (weight !== '' && Number(weight) < 600)) bold = false;
    if (style.fontStyle === 'italic' || style.fontStyle === 'oblique') italic = true;
    else if (style.fontStyle === 'normal') italic = false;
  }
  return { bold, italic };
}

/** Collects paragraphs and lists from a run of sibling nodes. */
class BlockReader {
  readonly blocks: Block[] = [];
  private spans: Span[] = [];

  constructor(private readonly depth: number) {}

  private pushText(text: string, style: Style): void {
    const clean = cleanText(text);
    if (clean === '') return;
    const last = this.spans[this.spans.length - 1];
    if (last && last.bold === style.bold && last.italic === style.italic) last.text += clean;
    else this.spans.push({ text: clean, bold: style.bold, italic: style.italic });
  }

  /** Ends the current paragraph (dropped when it holds only blanks). */
  flush(): void {
    const spans = this.spans;
    this.spans = [];
    if (spans.some((s) => s.text.trim() !== '')) this.blocks.push({ type: 'paragraph', spans });
  }

  read(node: Node, style: Style): void {
    if (node.nodeType === 3) {
      this.pushText(node.nodeValue ?? '', style);
      return;
    }
    if (node.nodeType !== 1) return; // comments, processing instructions: nothing
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      this.flush();
      return;
    }
    if (LISTS.has(tag)) {
      this.flush();
      if (this.depth >= MAX_DEPTH) {
        // Too deep for the core: its items become paragraphs at this level.
        for (const li of Array.from(el.childNodes)) {
          this.read(li, style);
          this.flush();
        }
        return;
      }
      const items = readItems(el, this.depth + 1, style);
      if (items.length > 0) this.blocks.push(tag === 'OL' ? { type: 'numbered_list', items } : { type: 'bullet_list', items });
      return;
    }
    const inner = styleOf(el, style);
    const block = BLOCKS.has(tag) || tag === 'LI';
    if (block) this.flush();
    for (const child of Array.from(el.childNodes)) this.read(child, inner);
    if (block) this.flush();
  }
}

function readItems(list: Element, depth: number, style: Style): ListItem[] {
  const items: ListItem[] = [];
  let loose: BlockReader | null = null; // text directly inside <ul> (not in an <li>)
  for (const child of Array.from(list.childNodes)) {
    if (child.nodeType === 1 && (child as Element).tagName.toUpperCase() === 'LI') {
      const reader = new BlockReader(depth);
      for (const n of Array.from(child.childNodes)) reader.read(n, styleOf(child as Element, style));
      reader.flush();
      if (reader.blocks.length > 0) items.push({ blocks: reader.blocks });
    } else {
      loose ??= new BlockReader(depth);
      loose.read(child, style);
      loose.flush();
      if (loose.blocks.length > 0) items.push({ blocks: loose.blocks.splice(0) });
    }
  }
  return items;
}

/** The RichText the children of `root` show. */
export function readRichText(root: Node): RichText {
  const reader = new BlockReader(0);
  for (const child of Array.from(root.childNodes)) reader.read(child, { bold: false, italic: false });
  reader.flush();
  return { blocks: reader.blocks };
}

// ---- plain text ---------------------------------------------------------------------------

/** What a paste or a drop inserts: the clipboard's text/plain, never its HTML. */
export function pastedText(data: Pick<DataTransfer, 'getData'> | null): string {
  if (!data) return '';
  try {
    return data.getData('text/plain').replace(/\r\n?/g, '\n');
  } catch {
    return '';
  }
}

/** Plain text as paragraphs, one per non-blank line. */
export function richTextOfPlain(text: string): RichText {
  const blocks: Block[] = text
    .split(/\r\n?|\n/)
    .map(cleanText)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', spans: [{ text: line, bold: false, italic: false }] }));
  return { blocks };
}

/** The text without styling (for the empty check and the print summary). */
export function plainText(text: RichText): string {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push(b.spans.map((s) => s.text).join(''));
      else for (const it of b.items) walk(it.blocks);
    }
  };
  walk(text.blocks);
  return out.join('\n');
}

export function isEmpty(text: RichText): boolean {
  return plainText(text).trim() === '';
}

export function sameRichText(a: RichText, b: RichText): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
