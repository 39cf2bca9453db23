// The canaries of the XSS batteries (07, 12): after each view, nothing injected may have run,
// tried to run (a CSP violation counts), or become live markup.
import assert from 'node:assert/strict';
import { byId } from './lib.mjs';
import { XSS_VECTORS as V } from './fixtures/xss-vectors.mjs';

export { V };
export const vec = (i) => V[i % V.length];
/** Single-line fields refuse line breaks and control characters: the vectors as they accept. */
export const line = (i) => vec(i).replace(/[\r\n\t]+/g, ' ');
const SHORT = V.map((v) => v.replace(/[\r\n\t]+/g, ' ')).filter((v) => v.length <= 50);
/** Vectors of at most 50 characters (tags). */
export const short = (i) => SHORT[i % SHORT.length];

/** Checks bound to a session `getApp()`; `checks()` counts them for the figures. */
export function canaries(getApp) {
  let count = 0;
  async function assertInert(where) {
    const app = getApp();
    count += 1;
    const state = await app.execute(() => ({
      pwned: window.__pwned ?? null,
      title: document.title,
      csp: window.__raccordoCspViolations ?? null,
      live: Array.from(document.body.querySelectorAll('script, iframe, object, embed, frame, frameset, portal, base, meta, link')).map((e) => e.outerHTML.slice(0, 80)),
      handlers: Array.from(document.body.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      jsLinks: Array.from(document.body.querySelectorAll('[href], [src], [action], [formaction], [data]')).map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? e.getAttribute('data') ?? '').filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
    }));
    assert.equal(state.pwned, null, `${where}: an injected script ran (window.__pwned set)`);
    assert.equal(state.title, 'Raccordo', `${where}: an injected script changed the title`);
    assert.ok(Array.isArray(state.csp), `${where}: the CSP recorder is installed`);
    assert.deepEqual(state.csp, [], `${where}: no Content-Security-Policy violation (nothing even tried to run)`);
    assert.deepEqual(state.live, [], `${where}: no live script/frame/object element in the page`);
    assert.deepEqual(state.handlers, [], `${where}: no inline event handler attribute in the page`);
    assert.deepEqual(state.jsLinks, [], `${where}: no javascript:/data: URL in the page`);
  }

  async function visit(hash, readyId, where) {
    const app = getApp();
    await app.execute((h) => { location.hash = h; }, hash);
    await byId(app, readyId, 15000);
    await app.pause(150);
    await assertInert(where);
  }

  return { assertInert, visit, checks: () => count };
}
