import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../test/backend';
import { Paged, type Page } from './paged.svelte';

type F = { q: string };

/** A source of `total` numbered rows (`q:i`), `size` per page. */
function numbers(total: number) {
  return vi.fn(async (f: F, offset: number, limit: number): Promise<Page<string>> => ({
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `${f.q}:${offset + i}`),
    total,
  }));
}

/** A fetch whose answers the test releases by hand. */
function held() {
  const pending: { offset: number; resolve: (p: Page<string>) => void }[] = [];
  const fetch = vi.fn((_f: F, offset: number) => new Promise<Page<string>>((resolve) => pending.push({ offset, resolve })));
  return { fetch, pending };
}

describe('Paged, growing at its end', () => {
  it('loads the first page on reset and each next page after the rows loaded', async () => {
    const fetch = numbers(5);
    const p = new Paged<F, string>({ size: 2, fetch });
    await p.reset({ q: 'a' });
    expect(p.rows).toEqual(['a:0', 'a:1']);
    expect(p.total).toBe(5);
    expect(p.more).toBe(true);
    await p.next();
    await p.next();
    expect(p.rows).toEqual(['a:0', 'a:1', 'a:2', 'a:3', 'a:4']);
    expect(p.more).toBe(false);
    await p.next();
    expect(fetch.mock.calls.map((c) => c[1]), 'offsets').toEqual([0, 2, 4]);
  });

  it('drops the answer for an older filter', async () => {
    const { fetch, pending } = held();
    const p = new Paged<F, string>({ size: 2, fetch });
    void p.reset({ q: 'old' });
    const fresh = p.reset({ q: 'new' });
    pending[1]?.resolve({ rows: ['new:0'], total: 1 });
    await fresh;
    pending[0]?.resolve({ rows: ['old:0', 'old:1'], total: 9 });
    await Promise.resolve();
    expect(p.rows).toEqual(['new:0']);
    expect(p.total).toBe(1);
  });

  it('keeps what is shown until the new filter’s first page is in, or clears at once with `clear`', async () => {
    for (const clear of [false, true]) {
      const { fetch, pending } = held();
      const p = new Paged<F, string>({ size: 2, fetch, clear });
      const first = p.reset({ q: 'a' });
      pending[0]?.resolve({ rows: ['a:0'], total: 1 });
      await first;
      const second = p.reset({ q: 'b' });
      expect(p.rows, `clear=${clear}`).toEqual(clear ? [] : ['a:0']);
      expect(p.total, `clear=${clear}`).toBe(clear ? null : 1);
      pending[1]?.resolve({ rows: ['b:0', 'b:1'], total: 4 });
      await second;
      expect(p.rows).toEqual(['b:0', 'b:1']);
    }
  });

  it('asks the total first when the pages do not carry it, and fetches nothing when it is zero', async () => {
    const fetch = vi.fn(async (_f: F, offset: number): Promise<Page<string>> => ({ rows: offset === 0 ? ['x', 'y'] : [], total: null }));
    const p = new Paged<F, string>({ size: 2, fetch, count: async () => 3, clear: true });
    await p.reset({ q: '' });
    expect(p.total).toBe(3);
    expect(p.rows).toEqual(['x', 'y']);
    await p.next();
    expect(p.total, 'an empty page ends the list').toBe(2);
    expect(p.more).toBe(false);

    const none = vi.fn(async (): Promise<Page<string>> => ({ rows: [], total: 0 }));
    const q = new Paged<F, string>({ size: 2, fetch: none, count: async () => 0 });
    await q.reset({ q: '' });
    expect(q.total).toBe(0);
    expect(none).not.toHaveBeenCalled();
  });

  it('shows a failed count or page as the error', async () => {
    const p = new Paged<F, string>({
      size: 2,
      fetch: async () => {
        throw apiError('io', 'database bloccato');
      },
    });
    await p.reset({ q: '' });
    expect(p.error?.message).toBe('database bloccato');
  });
});

describe('Paged, random access', () => {
  it('loads the pages covering a range once each, and a failed page again', async () => {
    let fail = true;
    const inner = numbers(10);
    const fetch = vi.fn(async (f: F, offset: number, limit: number) => {
      if (offset === 6 && fail) {
        fail = false;
        throw apiError('io', 'occupato');
      }
      return inner(f, offset, limit);
    });
    const p = new Paged<F, string>({ size: 3, fetch });
    await p.reset({ q: 'p' });
    expect(p.row(2)).toBe('p:2');
    expect(p.row(3), 'page 1 not loaded yet').toBeUndefined();
    p.ensure(2, 8);
    p.ensure(3, 5);
    await vi.waitFor(() => expect(p.error?.message).toBe('occupato'));
    expect(fetch.mock.calls.map((c) => c[1]).sort(), 'each page asked once').toEqual([0, 3, 6]);
    expect(p.row(4)).toBe('p:4');
    p.ensure(6, 9);
    await vi.waitFor(() => expect(p.row(8)).toBe('p:8'));
    expect(p.rows, 'rows are the pages from the first on').toHaveLength(9);
  });
});
