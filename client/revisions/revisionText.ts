/** How revisions and their versions read in the interface, and the checks of the "Cut revision" form. */
import type { ExportFormat, RevisionSummary, VersionRef } from '../api/revisions.ts'
import type { DraftProblem } from '../api/revisions.ts'
import { exportExtensions } from '../../shared/schema/api.ts'
import { dateAndTime } from '../app/dates.ts'
import { t } from '../i18n/i18n.ts'

export const revisionLabelMaxLength = 60
export const revisionNoteMaxLength = 2000

/** "12 March 2026, 14:05" on the reader's clock (or in `timeZone`). */
export function formatWhen(epochMs: number, timeZone?: string): string {
  return dateAndTime(epochMs, timeZone)
}

/**
 * A version's name in an exported file's name ("Rev.1", "Current text"): file names follow the document's language and
 * the UN's form, not the interface's, so this stays as the export writes it.
 */
export function versionLabel(ref: VersionRef, revisions: readonly RevisionSummary[]): string {
  if (ref === 'current') return 'Current text'
  return revisions.find((revision) => revision.id === ref)?.label ?? `Revision ${ref}`
}

/** The revision cut just before `revisionId` (revisions are listed oldest first), if any. */
export function previousRevision(revisions: readonly RevisionSummary[], revisionId: number): RevisionSummary | null {
  const index = revisions.findIndex((revision) => revision.id === revisionId)
  return index > 0 ? revisions[index - 1]! : null
}

/**
 * The two versions a comparison page shows when its link names one or none: the latest revision against the
 * current text, or against the revision before it when the link asks for the latest one. Null without revisions.
 */
export function comparisonPair(
  revisions: readonly RevisionSummary[],
  from: VersionRef | null,
  to: VersionRef | null,
): { from: VersionRef; to: VersionRef } | null {
  if (from !== null && to !== null) return { from, to }
  const latest = revisions.at(-1)
  if (!latest) return from === null && to === null ? null : { from: from ?? 'current', to: to ?? 'current' }
  if (from !== null) return { from, to: 'current' }
  if (to !== null) {
    const before = to === 'current' ? latest : to === latest.id ? previousRevision(revisions, latest.id) : latest
    return { from: before?.id ?? 'current', to }
  }
  return { from: latest.id, to: 'current' }
}

/** "R3", or "Draft" for a problem of the whole document. */
export function problemWhere(problem: Pick<DraftProblem, 'recommendationNumber'>): string {
  return problem.recommendationNumber ? `R${problem.recommendationNumber}` : t('revisions.problemWhereDraft')
}

export interface RevisionFormErrors {
  label?: string
  note?: string
}

export function checkRevisionForm(label: string, note: string): RevisionFormErrors {
  const errors: RevisionFormErrors = {}
  const trimmed = label.trim()
  if (trimmed === '') errors.label = t('revisions.labelMissing')
  else if (trimmed.length > revisionLabelMaxLength) errors.label = t('revisions.labelTooLong', { length: trimmed.length, max: revisionLabelMaxLength })
  if (note.trim().length > revisionNoteMaxLength) errors.note = t('revisions.noteTooLong', { length: note.trim().length, max: revisionNoteMaxLength })
  return errors
}

/**
 * A label not taken yet to suggest: "Zero draft" first, then "Rev.1", "Rev.2", ... after the highest so far. A label is
 * the revision's name in the document and its exports (like its symbol), not interface text: it is the same in every
 * interface language.
 */
export function suggestRevisionLabel(revisions: readonly Pick<RevisionSummary, 'label'>[]): string {
  if (revisions.length === 0) return 'Zero draft'
  const taken = new Set(revisions.map((revision) => revision.label.trim().toLowerCase()))
  let next = 1 + Math.max(0, ...revisions.map((revision) => Number(revision.label.match(/^rev\.?\s*(\d+)$/i)?.[1] ?? 0)))
  while (taken.has(`rev.${next}`)) next += 1
  return `Rev.${next}`
}


/** A file name for a download whose answer names none: "A-AC.292-2026-L.1 Rev.1 (working copy).docx". */
export function exportFileName(base: string, format: ExportFormat, options: { versionLabel?: string; working?: boolean } = {}): string {
  const parts = [base.trim() || 'document', options.versionLabel, options.working ? '(working copy)' : undefined].filter(Boolean)
  return `${parts.join(' ').replace(/[\\/:*?"<>|]+/g, '-')}.${exportExtensions[format]}`
}

/** A revision cut or restored, as the panel announces it; `by` is null until the server's event names who. */
export type Announcement = { kind: 'cut' | 'restored'; revision: Pick<RevisionSummary, 'id' | 'label'>; by: string | null }

export function announcementText({ kind, revision, by }: Announcement): string {
  const label = revision.label
  if (kind === 'cut') return by ? t('revisions.announceCutBy', { label, by }) : t('revisions.announceCut', { label })
  return by ? t('revisions.announceRestoredBy', { label, by }) : t('revisions.announceRestored', { label })
}
