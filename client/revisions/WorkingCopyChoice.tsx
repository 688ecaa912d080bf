/** The export form's "Working copy" box: forced on for members who may not export for submission, with why. */
import { useId } from 'react'
import { t } from '../i18n/i18n.ts'

export function WorkingCopyChoice({ working, mustBeWorkingCopy, onChange }: { working: boolean; mustBeWorkingCopy: boolean; onChange: (working: boolean) => void }) {
  const hintId = useId()
  return (
    <>
      <label className="choice">
        <input
          type="checkbox"
          name="working"
          checked={working || mustBeWorkingCopy}
          disabled={mustBeWorkingCopy}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('revisions.workingCopy')}
      </label>
      <p className="hint" id={hintId}>
        {mustBeWorkingCopy ? t('revisions.workingCopyForced') : t('revisions.workingCopyHint')}
      </p>
    </>
  )
}
