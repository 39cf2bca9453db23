import { describe, expect, it } from 'vitest';
import { isEditableTarget, isSearchShortcut } from './shortcuts';

function keydown(key: string, init: KeyboardEventInit = {}, target?: HTMLElement): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('search shortcuts', () => {
  const input = document.createElement('input');
  const button = document.createElement('button');

  it('treats / as the search shortcut outside text fields only', () => {
    expect(isSearchShortcut(keydown('/', {}, button))).toBe(true);
    expect(isSearchShortcut(keydown('/', {}, input)), 'typing / in a field is just a slash').toBe(false);
  });

  it('treats Ctrl+K and ⌘K as the shortcut everywhere', () => {
    expect(isSearchShortcut(keydown('k', { ctrlKey: true }, input))).toBe(true);
    expect(isSearchShortcut(keydown('K', { metaKey: true }, button))).toBe(true);
    expect(isSearchShortcut(keydown('k', {}, button)), 'plain k is not a shortcut').toBe(false);
  });

  it('knows which elements take text', () => {
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(isEditableTarget(input)).toBe(true);
    expect(isEditableTarget(document.createElement('textarea'))).toBe(true);
    expect(isEditableTarget(checkbox)).toBe(false);
    expect(isEditableTarget(button)).toBe(false);
  });
});
