/** What every export states about the text it carries: title, symbol, revision, date, and whether it is a working copy. */
import { defaultDocumentMetadata, type DocumentMetadata } from '../../shared/schema/documentMetadata.ts'

/** The document's submission metadata (distribution, body, session, ...): the defaults where not given. */
export interface ExportMeta extends Partial<Omit<DocumentMetadata, 'symbol'>> {
  title: string
  symbol: string | null
  /** The revision exported ("Rev. 2"); null for the current text. */
  revisionLabel: string | null
  date: Date
  /** A working copy, not fit for submission: every page, and the top of the text formats, says so. */
  working: boolean
  workspaceTitle?: string
  /** When the document (the work, across its revisions) was created; the export date when not given. */
  workDate?: Date
}

/** The metadata an export states, with the defaults (General, English) for what the meta leaves out. */
export function documentMetadataOf(meta: ExportMeta): DocumentMetadata {
  return {
    symbol: meta.symbol,
    distribution: meta.distribution ?? defaultDocumentMetadata.distribution,
    bodyName: meta.bodyName ?? null,
    session: meta.session ?? null,
    agendaItem: meta.agendaItem ?? null,
    originalLanguage: meta.originalLanguage ?? defaultDocumentMetadata.originalLanguage,
  }
}

export const workingCopyMark = 'Draft - not for submission'
export const currentTextLabel = 'Current text'

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** UN style, "12 March 2025", in UTC so that the same instant reads the same on every server. */
export function formatExportDate(date: Date | number): string {
  const instant = new Date(date)
  return `${instant.getUTCDate()} ${months[instant.getUTCMonth()]} ${instant.getUTCFullYear()}`
}

/** "Rev. 2, 12 March 2025"; "Current text, 12 March 2025" when no revision is named. */
export function versionLine(meta: Pick<ExportMeta, 'revisionLabel' | 'date'>): string {
  return `${meta.revisionLabel ?? currentTextLabel}, ${formatExportDate(meta.date)}`
}

/** The running head of every page: symbol, title, revision and date, in that order. */
export function runningHead(meta: ExportMeta): string {
  return [meta.symbol, meta.title, versionLine(meta)].filter((part): part is string => Boolean(part)).join(' | ')
}
