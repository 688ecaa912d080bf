/// <reference types="vite/client" />
/**
 * The interface's language: every text the interface shows comes from the message catalogues
 * (`client/i18n/messages/<language>/<area>.json`, ICU message syntax), formatted for the language in use.
 *
 * - `t('comments.resolve')`, `t('comments.count', { count })`: a message as a string;
 * - `tx('editor.shortcutHint', { kbd: (chunks) => <kbd>{chunks}</kbd> })`: a message with markup, as React nodes.
 *
 * A language's catalogues are fetched when it is first used, so the initial JavaScript carries none of the six.
 * The whole app renders again under a new language (App keys its tree on `useLanguage()`).
 *
 * Pseudo-localisation (`?pseudo` in the address, or `localStorage['dtg.pseudo'] = '1'`): English with every
 * formatted message wrapped in ⟦ ⟧, so that a text shown without a catalogue stands out (tests/e2e check it).
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl'
import type { ReactNode } from 'react'
import { useSyncExternalStore } from 'react'
import { defaultLanguage, directionOf, intlLocales, Language, matchLanguage } from '../../shared/i18n/languages.ts'

export type Messages = Record<string, string>
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>
export type RichValues = Record<string, string | number | boolean | Date | null | undefined | ReactNode | ((chunks: ReactNode[]) => ReactNode)>

const storageKey = 'dtg.language'
const pseudoKey = 'dtg.pseudo'
export const pseudoOpen = '⟦'
export const pseudoClose = '⟧'

// One chunk per catalogue file; `loadMessages` fetches a language's files together.
const catalogueFiles = import.meta.glob<Messages>('./messages/*/*.json', { import: 'default' })

const cache = createIntlCache()
let intl: IntlShape<string> | null = null
let language: Language = defaultLanguage
let pseudo = false
const listeners = new Set<() => void>()

/** All of a language's messages, every area's file merged. */
export async function loadMessages(of: Language): Promise<Messages> {
  const files = Object.entries(catalogueFiles).filter(([file]) => file.startsWith(`./messages/${of}/`))
  const parts = await Promise.all(files.map(([, load]) => load()))
  return Object.assign({}, ...parts) as Messages
}

function pseudoEnabled(): boolean {
  try {
    return new URLSearchParams(location.search).has('pseudo') || localStorage.getItem(pseudoKey) === '1'
  } catch {
    return false
  }
}

function storedLanguage(): Language | null {
  try {
    const parsed = Language.safeParse(localStorage.getItem(storageKey))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The language to start in before the member is known: the one last used on this browser, else the browser's. */
export function initialLanguage(): Language {
  return storedLanguage() ?? matchLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language])
}

function install(next: Language, messages: Messages): void {
  language = next
  intl = createIntl(
    {
      locale: intlLocales[next],
      defaultLocale: intlLocales.en,
      messages,
      onError: (error) => {
        // A missing translation or a malformed message shows its id: loud in development, never a crash.
        if (import.meta.env?.DEV) console.warn(error.message)
      },
    },
    cache,
  )
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next === 'zh' ? 'zh-Hans' : next
    document.documentElement.dir = directionOf(next)
  }
  for (const listener of listeners) listener()
}

/**
 * Switches the interface to `next` once its catalogues are loaded; remembered on this browser (the server
 * remembers it for the member: see `client/api/auth.ts`).
 */
export async function setLanguage(next: Language): Promise<void> {
  pseudo = pseudoEnabled()
  const messages = await loadMessages(next)
  try {
    localStorage.setItem(storageKey, next)
  } catch {
    // Private browsing may refuse storage; the language still applies to this page.
  }
  install(next, messages)
}

/** Installs messages directly (unit tests). */
export function useMessagesForTests(next: Language, messages: Messages, options: { pseudo?: boolean } = {}): void {
  pseudo = options.pseudo ?? false
  install(next, messages)
}

export function currentLanguage(): Language {
  return language
}

export function isPseudo(): boolean {
  return pseudo
}

function current(): IntlShape<string> {
  if (!intl) throw new Error('the interface language is not loaded yet (setLanguage first)')
  return intl
}

const marked = (text: string) => (pseudo ? `${pseudoOpen}${text}${pseudoClose}` : text)

/** A message as a string. */
export function t(id: string, values?: MessageValues): string {
  return marked(current().formatMessage({ id }, values as Record<string, string | number | boolean | Date | null | undefined>))
}

/** A message with markup (tags in the message become the functions given in `values`), as React nodes. */
export function tx(id: string, values: RichValues): ReactNode {
  const formatted = current().formatMessage({ id }, values as never) as ReactNode
  if (!pseudo) return formatted
  return [pseudoOpen, ...(Array.isArray(formatted) ? formatted : [formatted]), pseudoClose] as ReactNode
}

/** A number in the language's conventions ("12 345" in French, "12,345" in English). */
export function formatNumber(value: number, options?: Parameters<IntlShape['formatNumber']>[1]): string {
  return marked(current().formatNumber(value, options))
}

/** A list ("a, b and c") in the language's conventions. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return marked(current().formatList(items, { type }) as string)
}

/** The locale Intl formats with for the language in use. */
export function intlLocale(): string {
  return intlLocales[language]
}

/** Markers a pseudo-localised text carries (dates and other formatted values wrap themselves the same way). */
export const markPseudo = marked

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The language in use; the component renders again when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage)
}
