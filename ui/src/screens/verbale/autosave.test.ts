import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MinutesContent } from '../../lib/bindings/MinutesContent';
import type { MinutesView } from '../../lib/bindings/MinutesView';
import { Autosaver } from './autosave.svelte';

const content = (place: string): MinutesContent => ({ start_time: null, end_time: null, place, chair: '', items: [], closing_notes: { blocks: [] } });
const view = {} as MinutesView;

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, 1 s after the last of several changes, with the latest content', async () => {
    const save = vi.fn(async (_c: MinutesContent) => view);
    const a = new Autosaver(save);
    a.changed(content('P'));
    await vi.advanceTimersByTimeAsync(500);
    a.changed(content('Pi'));
    await vi.advanceTimersByTimeAsync(500);
    a.changed(content('Pisa'));
    expect(a.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].place).toBe('Pisa');
    expect(a.state).toBe('saved');
    expect(a.savedAt).not.toBeNull();
  });

  it('saves steady typing at the latest 3 s after the first unsaved change', async () => {
    const save = vi.fn(async (_c: MinutesContent) => view);
    const a = new Autosaver(save);
    for (let i = 0; i < 8; i++) {
      a.changed(content(`x${i}`));
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].place).toBe('x7');
  });

  it('saves a change made during a save right after it', async () => {
    let release: (v: MinutesView) => void = () => {};
    const save = vi.fn((_c: MinutesContent) => new Promise<MinutesView>((ok) => (release = ok)));
    const a = new Autosaver(save);
    a.changed(content('uno'));
    const first = a.flush();
    a.changed(content('due'));
    release(view);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    release(view);
    await first;
    await vi.advanceTimersByTimeAsync(3000);
    expect(save.mock.calls.map((c) => c[0].place)).toEqual(['uno', 'due']);
    expect(a.state).toBe('saved');
  });

  it('keeps an error until retried, and the retry sends the same content', async () => {
    const save = vi.fn().mockRejectedValueOnce({ kind: 'database_locked', message: 'occupato', details: [] }).mockResolvedValue(view);
    const a = new Autosaver(save);
    a.changed(content('Pisa'));
    await a.flush();
    expect(a.state).toBe('error');
    expect(a.error?.message).toBe('occupato');
    expect(a.dirty).toBe(true);
    await a.flush();
    expect(a.state).toBe('saved');
    expect(save.mock.calls.map((c) => (c[0] as MinutesContent).place)).toEqual(['Pisa', 'Pisa']);
  });

  it('never saves after stop()', async () => {
    const save = vi.fn(async (_c: MinutesContent) => view);
    const a = new Autosaver(save);
    a.changed(content('prima'));
    a.stop();
    await vi.advanceTimersByTimeAsync(5000);
    a.changed(content('dopo'));
    await a.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});
