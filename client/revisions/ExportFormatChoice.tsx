/** The export form's choice of file format. */
import { exportFormatLabels, exportFormats, type ExportFormat } from '../api/revisions.ts'

export function ExportFormatChoice({ format, onChange }: { format: ExportFormat; onChange: (format: ExportFormat) => void }) {
  return (
    <fieldset className="export-formats">
      <legend>Format</legend>
      {exportFormats.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name="format" value={option} checked={format === option} onChange={() => onChange(option)} />
          {exportFormatLabels[option]}
        </label>
      ))}
    </fieldset>
  )
}
