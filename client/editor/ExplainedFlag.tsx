/** A flag (unverified, retired...) that explains itself: on hover, on keyboard focus, and as its description for screen readers. */
import '../styles/flags.css'
import { useId, useState } from 'react'
import { tx } from '../i18n/i18n.ts'
import type { ElementFlag } from './elementExplanation.ts'

export function ExplainedFlag({ flag }: { flag: ElementFlag }) {
  const tooltipId = useId()
  const [open, setOpen] = useState(false)
  return (
    <span className="explained-flag" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={`flag flag-${flag.key}`}
        aria-describedby={tooltipId}
        data-flag={flag.key}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        // A tap opens it too, where there is no hover.
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          // Escape hides the explanation first (and only then closes a dialog around it).
          if (event.key === 'Escape' && open) {
            event.preventDefault()
            event.stopPropagation()
            setOpen(false)
          }
        }}
      >
        {flag.text}
      </button>
      <span role="tooltip" id={tooltipId} className="flag-explanation" hidden={!open}>
        {flag.note
          ? tx('editor.explanationWithNote', {
              explanation: flag.explanation,
              // The catalogue's own words.
              note: (
                <span key="note" translate="no" dir="auto">
                  {flag.note}
                </span>
              ),
            })
          : flag.explanation}
      </span>
    </span>
  )
}

/** Every flag of an element, each explained. */
export function ElementFlags({ flags }: { flags: readonly ElementFlag[] }) {
  return (
    <>
      {flags.map((flag) => (
        <ExplainedFlag key={flag.key} flag={flag} />
      ))}
    </>
  )
}
