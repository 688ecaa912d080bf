/** The six official languages of the United Nations, in which the interface is offered. */
import { z } from 'zod'

/** In the order the UN lists them (alphabetical in English). */
export const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
export const Language = z.enum(languages, { error: () => `language must be one of: ${languages.join(', ')}` })
export type Language = z.infer<typeof Language>

export const defaultLanguage: Language = 'en'

/** Each language's name in itself, as a language switch shows it. */
export const nativeLanguageNames: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
}

/** Arabic is written right to left; the other five left to right. */
export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr'
}

/**
 * The locale Intl formats dates and numbers with. Arabic keeps Western digits, as UN documents in Arabic write
 * symbols, dates and paragraph numbers; Chinese is Simplified Chinese, the UN's written form.
 */
export const intlLocales: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
}

/** The best of the six for a list of preferred language tags (navigator.languages), or the default. */
export function matchLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    const found = languages.find((language) => language === primary)
    if (found) return found
  }
  return defaultLanguage
}
