/** A document's submission metadata as the page shows it ("Distr.: General · Original: English · First session"), and the form's change as a PATCH. */
import {
  defaultDocumentMetadata,
  distributionLabels,
  languageNames,
  UpdateDocumentMetadata,
  type DocumentMetadata,
} from '../../shared/schema/documentMetadata.ts'

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

/** What the masthead will say besides the symbol, in its order: distribution, original language, body, session, agenda item. */
export function mastheadSummary(record: Partial<DocumentMetadata>): string[] {
  const metadata = metadataOf(record)
  return [
    `Distr.: ${distributionLabels[metadata.distribution]}`,
    `Original: ${languageNames[metadata.originalLanguage]}`,
    ...[metadata.bodyName, metadata.session, metadata.agendaItem].filter((part): part is string => Boolean(part)),
  ]
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
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}
