/** The export form's "Working copy" box: forced on for members who may not export for submission, with why. */
import { useId } from 'react'

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
        Working copy
      </label>
      <p className="hint" id={hintId}>
        {mustBeWorkingCopy
          ? 'Only the co-facilitators and the secretariat export for submission; your copy is marked "Draft - not for submission" on every page.'
          : 'Marks every page "Draft - not for submission". A draft with unlinked or empty recommendations can only be exported this way.'}
      </p>
    </>
  )
}
