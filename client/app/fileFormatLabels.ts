/** How the interface names the file formats of exports and compilations ("Word (DOCX)", "Plain text"), in the language in use. */
import type { ExportFormat } from '../../shared/schema/api.ts'
import { t } from '../i18n/i18n.ts'

export type FileFormat = ExportFormat | 'json'

const formatIds: Record<FileFormat, string> = {
  docx: 'app.formatDocx',
  md: 'app.formatMarkdown',
  txt: 'app.formatText',
  html: 'app.formatHtml',
  akn: 'app.formatAkomaNtoso',
  json: 'app.formatJson',
}

export function fileFormatLabel(format: FileFormat): string {
  return t(formatIds[format])
}

/** The names of `formats`, as a record (for a choice of formats). */
export function fileFormatLabels<F extends FileFormat>(formats: readonly F[]): Record<F, string> {
  return Object.fromEntries(formats.map((format) => [format, fileFormatLabel(format)])) as Record<F, string>
}
