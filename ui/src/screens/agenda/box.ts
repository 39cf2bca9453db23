// Sizes and positions through the CSSOM (`element.style`), which the strict CSP
// (style-src 'self') allows, unlike style="" attributes (as components/VirtualList.svelte does).
import type { Attachment } from 'svelte/attachments';

export function box(props: Record<string, string>): Attachment<HTMLElement> {
  return (node) => {
    for (const [name, value] of Object.entries(props)) node.style.setProperty(name, value);
  };
}

/** `12.5` → `"12.5%"` (rounded to 0.01). */
export function pct(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}
