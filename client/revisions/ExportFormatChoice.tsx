/** The export form's choice of file format. */
import { exportFormats, type ExportFormat } from '../api/revisions.ts'
import { fileFormatLabel } from '../app/fileFormatLabels.ts'
import { t } from '../i18n/i18n.ts'

export function ExportFormatChoice({ format, onChange }: { format: ExportFormat; onChange: (format: ExportFormat) => void }) {
  return (
    <fieldset className="export-formats">
      <legend>{t('revisions.format')}</legend>
      {exportFormats.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name="format" value={option} checked={format === option} onChange={() => onChange(option)} />
          {fileFormatLabel(option)}
        </label>
      ))}
    </fieldset>
  )
}
