import type { NodeKind } from '@memberflow/shared/node-kind';
import { useCallback, useSyncExternalStore } from 'react';
import { enMessages, type MessageKey, type Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };
const tables: Record<Locale, Messages> = { en: enMessages, 'zh-CN': zhCN };
const STORAGE_KEY = 'memberflow.locale';

/** A remembered choice wins; otherwise any Chinese browser language gets zh-CN. */
export function pickLocale(stored: string | null, browser: readonly string[]): Locale {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Fills {name} placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = tables[locale][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current: Locale =
  typeof window === 'undefined' ? 'en' : pickLocale(readStored(), navigator.languages?.length ? navigator.languages : [navigator.language]);
const listeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** For formatters outside React; components re-render through useLocale/useT when it changes. */
export function currentLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A module-level store instead of a context provider, so any component can switch or read it. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, () => current, () => 'en' as Locale);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}

export const kindTitle = (t: Translate, kind: NodeKind) => t(`kinds.${kind}.title`);
export const kindDescription = (t: Translate, kind: NodeKind) => t(`kinds.${kind}.description`);
