/** How a document's own words are marked where the interface shows them: in the document's language and direction, never translated. */
import { directionOf, type Language } from '../../shared/i18n/languages.ts'

export interface DocumentTextProps {
  lang?: string
  dir: 'ltr' | 'rtl' | 'auto'
  translate: 'no'
}

/** The direction a view of the whole document is laid out in (numbers in its margin): the document's, when known. */
export function documentDirection(language?: Language): 'ltr' | 'rtl' | undefined {
  return language ? directionOf(language) : undefined
}

/** `language`: the document's original language when known; otherwise each block finds its direction from its text. */
export function documentTextProps(language?: Language): DocumentTextProps {
  if (!language) return { dir: 'auto', translate: 'no' }
  return { lang: language === 'zh' ? 'zh-Hans' : language, dir: directionOf(language), translate: 'no' }
}
