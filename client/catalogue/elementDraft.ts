/** The catalogue editor's form state for one element: from an element, back to one (checked by the shared schema), field by field errors. */
import { FrameworkElement, titleLanguages, type TitleLanguage } from '../../shared/framework/element.ts'
import type { Pillar } from '../../shared/framework/pillars.ts'

export interface ElementDraft {
  id: string
  pillar: Pillar
  label: string
  title: string
  summary: string
  source: string
  verified: boolean
  substanceConfirmed: boolean
  note: string
  titles: Record<TitleLanguage, string>
}

export const languageNames: Record<TitleLanguage, string> = {
  ar: 'Arabic',
  es: 'Spanish',
  fr: 'French',
  ru: 'Russian',
  zh: 'Chinese',
}

const noTitles = () => Object.fromEntries(titleLanguages.map((language) => [language, ''])) as Record<TitleLanguage, string>

export function emptyDraft(pillar: Pillar): ElementDraft {
  return { id: '', pillar, label: '', title: '', summary: '', source: '', verified: false, substanceConfirmed: false, note: '', titles: noTitles() }
}

export function draftOf(element: FrameworkElement): ElementDraft {
  return {
    id: element.id,
    pillar: element.pillar,
    label: element.label,
    title: element.title,
    summary: element.summary,
    source: element.source,
    verified: element.verified,
    substanceConfirmed: element.substanceConfirmed ?? false,
    note: element.note ?? '',
    titles: { ...noTitles(), ...element.titles },
  }
}

export type DraftResult = { ok: true; element: FrameworkElement } | { ok: false; errors: Partial<Record<string, string>> }

/**
 * The element the draft describes, keeping what the form does not show (kind, agreed, group) from `base`; empty
 * optional fields are left out. Errors are keyed by field (`titles.fr` for a title).
 */
export function elementFromDraft(draft: ElementDraft, base?: FrameworkElement): DraftResult {
  const titles = Object.fromEntries(titleLanguages.filter((language) => draft.titles[language].trim() !== '').map((language) => [language, draft.titles[language]]))
  const candidate = {
    ...(base?.kind ? { kind: base.kind } : {}),
    ...(base?.agreed !== undefined ? { agreed: base.agreed } : {}),
    ...(base?.group ? { group: base.group } : {}),
    id: draft.id.trim(),
    pillar: draft.pillar,
    label: draft.label,
    title: draft.title,
    summary: draft.summary,
    source: draft.source,
    verified: draft.verified,
    ...(draft.substanceConfirmed || base?.substanceConfirmed !== undefined ? { substanceConfirmed: draft.substanceConfirmed } : {}),
    ...(draft.note.trim() !== '' ? { note: draft.note } : {}),
    ...(Object.keys(titles).length > 0 ? { titles } : {}),
  }
  const parsed = FrameworkElement.safeParse(candidate)
  if (parsed.success) return { ok: true, element: parsed.data }
  const errors: Partial<Record<string, string>> = {}
  for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
  return { ok: false, errors }
}
