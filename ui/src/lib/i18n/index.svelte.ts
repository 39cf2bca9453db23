// Locale state and translation functions. `t()` reads the reactive locale, so any template that
// calls it re-renders when the language changes in Impostazioni.
import { formatNumber } from '../format';
import { en } from './en';
import { it, type Dictionary, type MessageKey } from './it';

export type { Dictionary, MessageKey } from './it';

export type Locale = 'it' | 'en';
export const LOCALES: readonly Locale[] = ['it', 'en'];
export const DICTIONARIES: Record<Locale, Dictionary> = { it, en };
export const LOCALE_STORAGE_KEY = 'raccordo.locale';

/** Keys `B` for which both `B_one` and `B_other` exist. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

export type Params = Record<string, string | number>;

function isLocale(value: unknown): value is Locale {
  return value === 'it' || value === 'en';
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // localStorage unavailable: fall back to Italian.
  }
  return 'it';
}

const state = $state<{ locale: Locale }>({ locale: storedLocale() });

export function getLocale(): Locale {
  return state.locale;
}

export function setLocale(locale: Locale): void {
  state.locale = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still applies to this session.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Replace `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(DICTIONARIES[locale][key], params);
}

/** Translate `key` in the current locale. */
export function t(key: MessageKey, params?: Params): string {
  return translate(state.locale, key, params);
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  it: new Intl.PluralRules('it-IT'),
  en: new Intl.PluralRules('en-GB'),
};

/** Plural-aware translation: picks `base_one` or `base_other`; `{n}` is the formatted count. */
export function tp(base: PluralKey, count: number, params?: Params): string {
  const form = pluralRules[state.locale].select(count) === 'one' ? 'one' : 'other';
  const key = `${base}_${form}` as MessageKey;
  return t(key, { n: fmtNumber(count), ...params });
}

/** Number in the current locale's convention ("90.745" in Italian). */
export function fmtNumber(value: number): string {
  return formatNumber(value, state.locale);
}
