import { describe, expect, it } from 'vitest';
import { en } from './en';
import {
  DICTIONARIES,
  getLocale,
  interpolate,
  LOCALE_STORAGE_KEY,
  setLocale,
  storedLocale,
  t,
  tp,
} from './index.svelte';
import { it as itDict } from './it';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in Italian and English', () => {
    const itKeys = Object.keys(itDict).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !itKeys.includes(k)), 'keys only in en.ts').toEqual([]);
    expect(itKeys.filter((k) => !enKeys.includes(k)), 'keys missing from en.ts').toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(itDict) as (keyof typeof itDict)[]) {
      expect(placeholders(en[key]), `placeholders of ${key}`).toEqual(placeholders(itDict[key]));
    }
  });

  it('have no empty translations', () => {
    for (const [locale, dict] of Object.entries(DICTIONARIES)) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), `${locale}:${key}`).not.toBe('');
      }
    }
  });

  it('define every plural as a _one/_other pair', () => {
    const keys = Object.keys(itDict);
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      expect(keys, `${key} needs an _other form`).toContain(key.replace(/_one$/, '_other'));
    }
    for (const key of keys.filter((k) => k.endsWith('_other'))) {
      expect(keys, `${key} needs a _one form`).toContain(key.replace(/_other$/, '_one'));
    }
  });
});

describe('translation', () => {
  it('is Italian by default', () => {
    expect(storedLocale()).toBe('it');
    expect(t('nav.territorio')).toBe('Territorio');
  });

  it('switches language and remembers the choice in localStorage', () => {
    setLocale('en');
    expect(t('nav.territorio')).toBe('Territory');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(storedLocale(), 'the next start reads the saved language').toBe('en');
    expect(document.documentElement.lang).toBe('en');
    setLocale('it');
    expect(getLocale()).toBe('it');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(storedLocale()).toBe('it');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('search.none', { q: 'Pisq' })).toBe(
      'Nessun comune trovato per «Pisq». Controlla come è scritto o cerca per codice ISTAT.',
    );
    expect(interpolate('{a} e {b}', { a: 1 })).toBe('1 e {b}');
  });

  it('chooses singular or plural and formats the count', () => {
    expect(tp('tree.comuni', 1)).toBe('1 comune');
    expect(tp('tree.comuni', 273)).toBe('273 comuni');
    expect(tp('search.count', 1200)).toBe('1.200 comuni trovati');
    setLocale('en');
    expect(tp('banner.zonesCount', 1)).toBe('1 district still to be confirmed.');
    expect(tp('banner.zonesCount', 28)).toBe('28 districts still to be confirmed.');
  });
});
