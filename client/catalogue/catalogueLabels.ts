/** How the interface names the framework's pillars, its elements in the interface language, and the official languages. */
import type { FrameworkElement, TitleLanguage } from '../../shared/framework/element.ts'
import { pillarTitles, type Pillar } from '../../shared/framework/pillars.ts'
import { currentLanguage, intlLocale, markPseudo, t } from '../i18n/i18n.ts'

const pillarIds: Record<Pillar, string> = {
  threats: 'catalogue.pillarThreats',
  norms: 'catalogue.pillarNorms',
  'international-law': 'catalogue.pillarInternationalLaw',
  cbms: 'catalogue.pillarCbms',
  'capacity-building': 'catalogue.pillarCapacityBuilding',
}

/** "Confidence-building measures", "Mesures de confiance"…: a pillar of the framework of responsible State behaviour. */
export function pillarTitle(pillar: Pillar): string {
  return t(pillarIds[pillar])
}

/**
 * A pillar's title as a served catalogue gives it (`served`), in the language in use: the framework's own five titles
 * are translated; a title the secretariat gave in the catalogue is shown as it was written.
 */
export function servedPillarTitle(pillar: string, served: string): string {
  return Object.hasOwn(pillarIds, pillar) && served === pillarTitles[pillar as Pillar] ? pillarTitle(pillar as Pillar) : served
}

/**
 * An element's title as the interface shows it: in the interface language when the secretariat's override gives one
 * (`titles`), in English otherwise; `lang` is the language it is written in.
 */
export function elementTitle(element: Pick<FrameworkElement, 'title' | 'titles'>): { text: string; lang: string } {
  const language = currentLanguage()
  const given = language === 'en' ? undefined : element.titles?.[language as TitleLanguage]
  return given ? { text: given, lang: language } : { text: element.title, lang: 'en' }
}

/** "French", "français", "法语"…: a language's name in the interface language. */
export function languageName(language: string): string {
  try {
    return markPseudo(new Intl.DisplayNames([intlLocale()], { type: 'language' }).of(language) ?? language)
  } catch {
    return language
  }
}
