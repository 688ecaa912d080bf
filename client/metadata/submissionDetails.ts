/** A document's submission metadata as the page shows it ("Distr.: General · Original: English · First session"), and the form's change as a PATCH. */
import type { z } from 'zod'
import { defaultDocumentMetadata, UpdateDocumentMetadata, type DocumentMetadata, type Distribution, type Language } from '../../shared/schema/documentMetadata.ts'
import { t } from '../i18n/i18n.ts'

/** The message naming each distribution in the form's choice. */
const distributionMessages: Record<Distribution, string> = {
  general: 'metadata.distributionGeneral',
  limited: 'metadata.distributionLimited',
}

/** The message naming each official language, in the interface's language ("Arabe" in French). */
const languageMessages: Record<Language, string> = {
  ar: 'metadata.languageAr',
  zh: 'metadata.languageZh',
  en: 'metadata.languageEn',
  fr: 'metadata.languageFr',
  ru: 'metadata.languageRu',
  es: 'metadata.languageEs',
}

/** "General", "Limited", in the language in use. */
export function distributionName(distribution: Distribution): string {
  return t(distributionMessages[distribution])
}

/** A document's original language named in the interface's language; the stored value stays its code. */
export function languageName(language: Language): string {
  return t(languageMessages[language])
}

/** The form's fields, as typed (empty text for a field not set). */
export interface SubmissionDetailsForm {
  symbol: string
  distribution: DocumentMetadata['distribution']
  bodyName: string
  session: string
  agendaItem: string
  originalLanguage: DocumentMetadata['originalLanguage']
}

export type SubmissionDetailsErrors = Partial<Record<keyof SubmissionDetailsForm | 'form', string>>

/** A record's metadata with the defaults an older server leaves out. */
export function metadataOf(record: Partial<DocumentMetadata>): DocumentMetadata {
  return {
    symbol: record.symbol ?? null,
    distribution: record.distribution ?? defaultDocumentMetadata.distribution,
    bodyName: record.bodyName ?? null,
    session: record.session ?? null,
    agendaItem: record.agendaItem ?? null,
    originalLanguage: record.originalLanguage ?? defaultDocumentMetadata.originalLanguage,
  }
}

export function formOf(record: Partial<DocumentMetadata>): SubmissionDetailsForm {
  const metadata = metadataOf(record)
  return {
    symbol: metadata.symbol ?? '',
    distribution: metadata.distribution,
    bodyName: metadata.bodyName ?? '',
    session: metadata.session ?? '',
    agendaItem: metadata.agendaItem ?? '',
    originalLanguage: metadata.originalLanguage,
  }
}

/**
 * What the masthead will say besides the symbol, in its order: distribution, original language, body, session, agenda
 * item. The first two are said in the interface's language; body, session and agenda item are the document's own words.
 */
export function mastheadSummary(record: Partial<DocumentMetadata>): string[] {
  const metadata = metadataOf(record)
  return [
    t('metadata.mastheadDistribution', { distribution: metadata.distribution }),
    t('metadata.mastheadOriginal', { language: metadata.originalLanguage }),
    ...mastheadWords(metadata),
  ]
}

/** Body, session and agenda item as they were typed (not translated), those set. */
export function mastheadWords(metadata: DocumentMetadata): string[] {
  return [metadata.bodyName, metadata.session, metadata.agendaItem].filter((part): part is string => Boolean(part))
}

/** A field's refusal by the server's schema, said in the interface's language (the field is named by where it is shown). */
function fieldError(field: keyof SubmissionDetailsForm | 'form', issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return t('metadata.errorTooLong', { max: issue.maximum })
  if (issue.code === 'invalid_format') return field === 'symbol' ? t('metadata.errorSymbolFormat') : t('metadata.errorOneLine')
  if (issue.code === 'invalid_value') return t('metadata.errorChoice')
  return issue.message
}

/**
 * The PATCH for what the form changed (null clears a field), checked with the server's own schema: either the
 * change (null when nothing changed) or the errors by field.
 */
export function submissionDetailsChange(
  form: SubmissionDetailsForm,
  record: Partial<DocumentMetadata>,
): { ok: true; change: UpdateDocumentMetadata | null } | { ok: false; errors: SubmissionDetailsErrors } {
  const before = formOf(record)
  const change: Record<string, string | null> = {}
  for (const field of Object.keys(before) as Array<keyof SubmissionDetailsForm>) {
    const value = form[field].trim()
    if (value === before[field].trim()) continue
    change[field] = value === '' ? null : value
  }
  if (Object.keys(change).length === 0) return { ok: true, change: null }
  const parsed = UpdateDocumentMetadata.safeParse(change)
  if (parsed.success) return { ok: true, change: parsed.data }
  const errors: SubmissionDetailsErrors = {}
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] as keyof SubmissionDetailsForm | undefined) ?? 'form'
    errors[field] ??= fieldError(field, issue)
  }
  return { ok: false, errors }
}
