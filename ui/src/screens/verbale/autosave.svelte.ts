// Autosave of a verbale draft: a save ~1 s after the last change (and at the latest 3 s after the
// first unsaved one, so steady typing is saved too), at once on Ctrl+S, leaving the page or
// hiding the window. One save at a time; a change made during a save is saved right after it.
// A failed save keeps the content (it is the editor's, not ours) and shows the error until the
// next change or «Riprova». `stop()` (the verbale was approved) makes every later call a no-op:
// no save is ever sent for a locked verbale.
import { ApiError } from '../../lib/api';
import type { MinutesContent } from '../../lib/bindings/MinutesContent';
import type { MinutesView } from '../../lib/bindings/MinutesView';

export const AUTOSAVE_DELAY_MS = 1000;
export const AUTOSAVE_MAX_WAIT_MS = 3000;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export class Autosaver {
  state = $state<SaveState>('idle');
  /** When the last save succeeded (epoch ms), for «Salvato alle HH:MM». */
  savedAt = $state<number | null>(null);
  error = $state<ApiError | null>(null);

  #latest: MinutesContent | null = null;
  #dirty = false;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstChange = 0;
  #running: Promise<void> | null = null;

  constructor(
    private readonly save: (content: MinutesContent) => Promise<MinutesView>,
    private readonly onsaved: (view: MinutesView) => void = () => {},
    private readonly delay = AUTOSAVE_DELAY_MS,
    private readonly maxWait = AUTOSAVE_MAX_WAIT_MS,
  ) {}

  get dirty(): boolean {
    return this.#dirty;
  }

  /** A change: saved after the debounce. */
  changed(content: MinutesContent): void {
    if (this.#stopped) return;
    const now = Date.now();
    if (!this.#dirty) this.#firstChange = now;
    this.#latest = content;
    this.#dirty = true;
    if (this.state !== 'saving') this.state = 'pending';
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(this.delay, this.#firstChange + this.maxWait - now));
    this.#timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves now what is unsaved (Ctrl+S, leaving the page, «Riprova»); resolves when done. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#running) {
      await this.#running;
      if (this.#dirty && !this.#stopped && this.state !== 'error') return this.flush();
      return;
    }
    if (!this.#dirty || this.#stopped || this.#latest === null) return;
    const content = this.#latest;
    this.#dirty = false;
    this.state = 'saving';
    this.error = null;
    this.#running = (async () => {
      try {
        const view = await this.save(content);
        this.savedAt = Date.now();
        this.onsaved(view);
        this.state = this.#dirty ? 'pending' : 'saved';
      } catch (e) {
        // Not saved: still dirty (unless a newer change replaced it, which is dirty anyway).
        this.#dirty = true;
        this.error = ApiError.from(e);
        this.state = 'error';
      } finally {
        this.#running = null;
      }
    })();
    await this.#running;
    // A change made during the save: save it too, so that flush() means «everything saved».
    if (this.#dirty && !this.#stopped && (this.state as SaveState) === 'pending') await this.flush();
  }

  /** The verbale is locked: drop any pending save and never send another. */
  stop(): void {
    this.#stopped = true;
    this.#dirty = false;
    clearTimeout(this.#timer);
    if (this.state !== 'saving') this.state = 'idle';
  }

  /** A draft again (a revision was opened). */
  resume(): void {
    this.#stopped = false;
    this.state = 'idle';
    this.error = null;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Clears the timer (the component is going away; call flush() first to keep changes). */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
