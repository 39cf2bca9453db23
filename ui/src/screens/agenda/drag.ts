// Drag to move a meeting in the month and week views, with pointer events (mouse, pen, touch),
// so it works the same in WebKitGTK and under WebDriver. A press that does not travel
// DRAG_THRESHOLD pixels stays a click (the chip is a link to the meeting); after a drag the click
// is swallowed. Escape cancels. Positions come from the layout (`elementFromPoint`, the column's
// rectangle); nothing is written into the page's style attributes (CSP).
import type { Attachment } from 'svelte/attachments';
import { localAt, minutesAt, movedToDay } from './calendar';

export const DRAG_THRESHOLD = 5;

/** Where a drop lands: a day (keep the time), or a day and a time (minutes after midnight). */
export interface DropTarget {
  day: string;
  minutes: number | null;
}

/** Where the pointer grabbed the chip, relative to its top-left corner. */
export interface Grab {
  dx: number;
  dy: number;
}

export interface DragHandlers {
  /** The drop target under the viewport point (x, y), or null. */
  targetAt: (x: number, y: number, grab: Grab) => DropTarget | null;
  onstart?: () => void;
  /** Called while dragging with the current target (null when over nothing), and with null at the end. */
  onhover: (target: DropTarget | null) => void;
  ondrop: (target: DropTarget) => void;
}

export function dragToMove(handlers: DragHandlers): Attachment<HTMLElement> {
  return (node) => {
    let pressed: { x: number; y: number; pointer: number; grab: Grab } | null = null;
    let dragging = false;
    let target: DropTarget | null = null;
    let swallowClick = false;

    const end = () => {
      pressed = null;
      dragging = false;
      target = null;
      handlers.onhover(null);
      window.removeEventListener('keydown', onkey, true);
    };
    const onkey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && dragging) {
        e.preventDefault();
        swallowClick = true;
        end();
      }
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const r = node.getBoundingClientRect();
      pressed = { x: e.clientX, y: e.clientY, pointer: e.pointerId, grab: { dx: e.clientX - r.left, dy: e.clientY - r.top } };
      dragging = false;
      swallowClick = false;
    };
    const move = (e: PointerEvent) => {
      if (!pressed) return;
      if (!dragging) {
        if (Math.hypot(e.clientX - pressed.x, e.clientY - pressed.y) < DRAG_THRESHOLD) return;
        dragging = true;
        try {
          node.setPointerCapture?.(pressed.pointer);
        } catch {
          // The pointer is already gone (released outside): the drag still follows the events.
        }
        window.addEventListener('keydown', onkey, true);
        handlers.onstart?.();
      }
      e.preventDefault();
      target = handlers.targetAt(e.clientX, e.clientY, pressed.grab);
      handlers.onhover(target);
    };
    const up = (e: PointerEvent) => {
      if (!pressed) return;
      const wasDragging = dragging;
      const drop = wasDragging ? (handlers.targetAt(e.clientX, e.clientY, pressed.grab) ?? target) : null;
      end();
      if (!wasDragging) return;
      swallowClick = true;
      if (drop) handlers.ondrop(drop);
    };
    const cancel = () => {
      if (pressed) end();
    };
    const click = (e: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.preventDefault();
      e.stopPropagation();
    };
    const nativeDrag = (e: DragEvent) => e.preventDefault();

    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', cancel);
    node.addEventListener('click', click, true);
    node.addEventListener('dragstart', nativeDrag);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
      node.removeEventListener('click', click, true);
      node.removeEventListener('dragstart', nativeDrag);
      window.removeEventListener('keydown', onkey, true);
    };
  };
}

/** The day cell (`[data-day]`) under a viewport point, for the month grid and the all-day band. */
export function dayAt(x: number, y: number): DropTarget | null {
  const el = document.elementFromPoint(x, y);
  const cell = el instanceof Element ? el.closest<HTMLElement>('[data-day]') : null;
  const day = cell?.dataset.day;
  if (!cell || !day) return null;
  return { day, minutes: cell.dataset.hours ? timeAt(cell, y, cell.dataset.hours) : null };
}

/** In a week column (`data-hours="7-21"`): the time at the top of the dragged block, snapped to 15 minutes. */
function timeAt(column: HTMLElement, y: number, hours: string): number | null {
  const [from, to] = hours.split('-').map(Number) as [number, number];
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const r = column.getBoundingClientRect();
  return minutesAt(y - r.top, r.height, [from, to]);
}

/** The week view's target: like `dayAt`, but the time follows the top of the block, not the pointer. */
export function slotAt(x: number, y: number, grab: Grab): DropTarget | null {
  const el = document.elementFromPoint(x, y);
  const cell = el instanceof Element ? el.closest<HTMLElement>('[data-day]') : null;
  const day = cell?.dataset.day;
  if (!cell || !day) return null;
  return { day, minutes: cell.dataset.hours ? timeAt(cell, y - grab.dy, cell.dataset.hours) : null };
}

/** The new local start of a meeting dropped on `target`: same time on another day, or the slot's time. */
export function droppedStart(m: { start: string; all_day: boolean }, target: DropTarget): string {
  if (target.minutes === null || m.all_day) return movedToDay(m.start, target.day);
  return localAt(target.day, target.minutes);
}
