/** What every compilation form shares: a group of radio choices, and the download and preview buttons with the download's outcome. */
import { t, tx } from '../i18n/i18n.ts'
import type { DownloadState } from '../revisions/useDownload.ts'

export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  labels,
  value,
  onChange,
}: {
  legend: string
  name: string
  options: readonly T[]
  labels: Record<T, string>
  value: T
  onChange: (option: T) => void
}) {
  return (
    <fieldset className="compilation-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="compilation-choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  )
}

export function DownloadAndPreview({
  state,
  previewing,
  previewId,
  onTogglePreview,
}: {
  state: DownloadState
  previewing: boolean
  previewId: string
  onTogglePreview: () => void
}) {
  return (
    <>
      <div className="compilation-actions">
        <button type="submit" disabled={state.status === 'busy'}>
          {state.status === 'busy' ? t('app.preparing') : t('app.download')}
        </button>
        <button type="button" className="button-quiet" aria-expanded={previewing} aria-controls={previewId} onClick={onTogglePreview}>
          {previewing ? t('app.hidePreview') : t('app.preview')}
        </button>
      </div>
      {state.status === 'done' && (
        <p className="notice compilation-done" role="status">
          {tx('app.downloaded', { b: (chunks) => <strong>{chunks}</strong>, fileName: <bdi translate="no">{state.fileName}</bdi> })}
        </p>
      )}
      {(state.status === 'failed' || state.status === 'invalid') && (
        <div className="notice notice-error" role="alert">
          <p>{t('app.compilationDownloadFailed', { reason: state.message })}</p>
        </div>
      )}
    </>
  )
}
