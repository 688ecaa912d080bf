/** The catalogue editor's form state for one element: from an element, back to one (checked by the shared schema), field by field errors. */
import { FrameworkElement, titleLanguages, type TitleLanguage } from '../../shared/framework/element.ts'
import type { Pillar } from '../../shared/framework/pillars.ts'
import type { z } from 'zod'
import { t } from '../i18n/i18n.ts'

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
  for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= fieldError(issue)
  return { ok: false, errors }
}

/** The fields as the comparison of versions and the form's errors name them ("title", "substance confirmed"). */
const fieldIds: Record<string, string> = {
  id: 'catalogue.fieldId',
  label: 'catalogue.fieldLabel',
  pillar: 'catalogue.fieldPillar',
  title: 'catalogue.fieldTitle',
  summary: 'catalogue.fieldSummary',
  source: 'catalogue.fieldSource',
  verified: 'catalogue.fieldVerified',
  note: 'catalogue.fieldNote',
  substanceConfirmed: 'catalogue.fieldSubstanceConfirmed',
  kind: 'catalogue.fieldKind',
  agreed: 'catalogue.fieldAgreed',
  group: 'catalogue.fieldGroup',
  titles: 'catalogue.fieldTitles',
}

/** A field of an element by name, in the interface language; the name itself when the interface has no word for it. */
export function fieldName(field: string): string {
  const id = fieldIds[field]
  return id ? t(id) : field
}

/** What is wrong with a field, in the interface language (the schema's own words for what the form cannot cause). */
function fieldError(issue: z.core.$ZodIssue): string {
  // A title in another language is a title.
  const field = issue.path[0] === 'titles' ? 'title' : String(issue.path[0] ?? '')
  if (issue.code === 'too_small') return t('catalogue.errorEmpty', { field: fieldName(field) })
  if (issue.code === 'too_big') return t('catalogue.errorTooLong', { field: fieldName(field), max: Number(issue.maximum) })
  if (issue.code === 'invalid_format' && field === 'id') return t('catalogue.errorIdFormat')
  return issue.message
}
