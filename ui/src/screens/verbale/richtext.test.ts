import { describe, expect, it } from 'vitest';
import type { RichText } from '../../lib/bindings/RichText';
import { isEmpty, pastedText, plainText, readRichText, renderRichText, richTextOfPlain } from './richtext';

const p = (...spans: [string, ('b' | 'i' | 'bi')?][]): RichText['blocks'][number] => ({
  type: 'paragraph',
  spans: spans.map(([text, s]) => ({ text, bold: s === 'b' || s === 'bi', italic: s === 'i' || s === 'bi' })),
});

/** A detached element whose children are built by `build` (createElement/textContent only). */
function dom(build: (root: HTMLElement, el: (tag: string, ...kids: (Node | string)[]) => HTMLElement) => void): HTMLElement {
  const root = document.createElement('div');
  const el = (tag: string, ...kids: (Node | string)[]) => {
    const e = document.createElement(tag);
    for (const k of kids) e.append(typeof k === 'string' ? document.createTextNode(k) : k);
    return e;
  };
  build(root, el);
  return root;
}

function roundTrip(text: RichText): RichText {
  const root = document.createElement('div');
  renderRichText(root, text);
  return readRichText(root);
}

describe('rich text ⇄ DOM', () => {
  it('round-trips paragraphs with bold, italic and bold italic runs', () => {
    const text: RichText = { blocks: [p(['La conferenza '], ['approva', 'b'], [' il '], ['piano', 'bi'], [' per il '], ['2027', 'i']), p(['Secondo paragrafo'])] };
    expect(roundTrip(text)).toEqual(text);
  });

  it('round-trips bullet and numbered lists, nested lists included', () => {
    const text: RichText = {
      blocks: [
        { type: 'bullet_list', items: [{ blocks: [p(['Pisa'])] }, { blocks: [p(['Cascina', 'b']), { type: 'numbered_list', items: [{ blocks: [p(['posti MSNA'])] }] }] }] },
        { type: 'numbered_list', items: [{ blocks: [p(['uno'])] }, { blocks: [p(['due'])] }] },
        p(['dopo l’elenco']),
      ],
    };
    expect(roundTrip(text)).toEqual(text);
  });

  it('round-trips markup-looking text as text, creating no element from it', () => {
    const text: RichText = { blocks: [p(['<img src=x onerror=alert(1)> & <script>alert(2)</script>', 'b'])] };
    const root = document.createElement('div');
    renderRichText(root, text);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.textContent).toBe('<img src=x onerror=alert(1)> & <script>alert(2)</script>');
    expect(readRichText(root)).toEqual(text);
  });

  it('renders empty text as one empty paragraph the caret can enter, read back as empty', () => {
    const root = document.createElement('div');
    renderRichText(root, { blocks: [] });
    expect(root.children).toHaveLength(1);
    expect(root.firstElementChild?.tagName).toBe('P');
    expect(readRichText(root)).toEqual({ blocks: [] });
    expect(readRichText(document.createElement('div'))).toEqual({ blocks: [] });
  });

  it('reads what WebKit writes while typing: loose text, <div> lines, <br>, <b>/<i>, styled spans', () => {
    const root = dom((r, el) => {
      const bold = el('span', 'grassetto');
      bold.style.fontWeight = 'bold';
      const it = el('span', 'corsivo');
      it.style.fontStyle = 'italic';
      r.append('prima riga ', el('b', 'forte', el('i', ' e inclinato')));
      r.append(el('div', 'seconda', el('br'), 'terza'));
      r.append(el('div', el('br')));
      r.append(el('div', bold, ' ', it));
    });
    expect(readRichText(root)).toEqual({
      blocks: [
        p(['prima riga '], ['forte', 'b'], [' e inclinato', 'bi']),
        p(['seconda']),
        p(['terza']),
        p(['grassetto', 'b'], [' '], ['corsivo', 'i']),
      ],
    });
  });

  it('merges adjacent runs of the same style and drops blank paragraphs and empty list items', () => {
    const root = dom((r, el) => {
      r.append(el('p', el('strong', 'a'), el('b', 'b'), 'c', 'd'));
      r.append(el('p', '   '));
      r.append(el('ul', el('li', el('br')), el('li', 'voce')));
      r.append(el('ol', el('li')));
    });
    expect(readRichText(root)).toEqual({
      blocks: [p(['ab', 'b'], ['cd']), { type: 'bullet_list', items: [{ blocks: [p(['voce'])] }] }],
    });
  });

  it('turns tabs, newlines and no-break spaces into spaces (the core refuses control characters)', () => {
    const root = dom((r, el) => r.append(el('p', 'a\tb\nc\u00a0d\u0007')));
    expect(readRichText(root)).toEqual({ blocks: [p(['a b c d '])] });
  });

  it('takes only the text of hostile elements: no attribute is read, script and style are skipped', () => {
    const root = dom((r, el) => {
      const img = el('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', 'alert(1)');
      const link = el('a', 'un link');
      link.setAttribute('href', 'javascript:alert(1)');
      r.append(el('p', 'prima ', img, link, el('script', 'alert(2)'), el('style', 'p{}'), ' dopo'));
    });
    const text = readRichText(root);
    expect(text).toEqual({ blocks: [p(['prima un link dopo'])] });
    expect(JSON.stringify(text)).not.toMatch(/alert|onerror|javascript/);
  });

  it('flattens lists nested deeper than the core allows into paragraphs', () => {
    const root = dom((r, el) => r.append(el('ul', el('li', 'l1', el('ul', el('li', 'l2', el('ul', el('li', 'l3', el('ul', el('li', 'l4'))))))))));
    const text = readRichText(root);
    const l3 = text.blocks[0];
    expect(l3?.type).toBe('bullet_list');
    const json = JSON.stringify(text);
    expect(json.match(/bullet_list/g)).toHaveLength(3);
    expect(plainText(text)).toBe('l1\nl2\nl3\nl4');
  });
});

describe('paste and plain text', () => {
  const clipboard = (data: Record<string, string>) => ({ getData: (type: string) => data[type] ?? '' });

  it('takes the clipboard’s text/plain, never its HTML', () => {
    const data = clipboard({ 'text/html': '<img src=x onerror=alert(1)><b>forte</b>', 'text/plain': 'forte' });
    expect(pastedText(data)).toBe('forte');
  });

  it('keeps pasted markup as literal characters, one paragraph per line', () => {
    const text = pastedText(clipboard({ 'text/plain': '<img src=x onerror=alert(1)>\r\n\r\n<script>alert(1)</script>' }));
    expect(richTextOfPlain(text)).toEqual({ blocks: [p(['<img src=x onerror=alert(1)>']), p(['<script>alert(1)</script>'])] });
    const root = document.createElement('div');
    renderRichText(root, richTextOfPlain(text));
    expect(root.querySelector('img, script')).toBeNull();
  });

  it('gives nothing for no clipboard or a clipboard that throws', () => {
    expect(pastedText(null)).toBe('');
    expect(pastedText({ getData: () => { throw new Error('denied'); } })).toBe('');
  });

  it('knows empty text', () => {
    expect(isEmpty({ blocks: [] })).toBe(true);
    expect(isEmpty({ blocks: [p(['  '])] })).toBe(true);
    expect(isEmpty({ blocks: [p(['x'])] })).toBe(false);
  });
});
