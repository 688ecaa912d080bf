/** The export form's choice of file format. */
import { exportFormats, type ExportFormat } from '../api/revisions.ts'
import { t } from '../i18n/i18n.ts'

/** The message naming each format. */
const formatMessages: Record<ExportFormat, string> = {
  docx: 'revisions.formatDocx',
  md: 'revisions.formatMarkdown',
  txt: 'revisions.formatText',
  html: 'revisions.formatHtml',
  akn: 'revisions.formatAkomaNtoso',
}

export function ExportFormatChoice({ format, onChange }: { format: ExportFormat; onChange: (format: ExportFormat) => void }) {
  return (
    <fieldset className="export-formats">
      <legend>{t('revisions.format')}</legend>
      {exportFormats.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name="format" value={option} checked={format === option} onChange={() => onChange(option)} />
          {t(formatMessages[option])}
        </label>
      ))}
    </fieldset>
  )
}
