/** A one-time sign-in link, shown once after it is made, with a button that copies it. */
import { useId, useRef, useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

export function InviteLink({ name, url, onDismiss }: { name: string; url: string; onDismiss?: () => void }) {
  const [copy, setCopy] = useState<CopyState>('idle')
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      input.current?.select()
      setCopy('failed')
    }
  }

  return (
    <div className="invite-link" data-testid="invite-link">
      <p className="invite-link-title">
        <strong>Sign-in link for {name}</strong>
      </p>
      <p className="hint">It signs in once, on one browser, and is shown only now. Send it to {name} privately; anyone holding it can sign in as them.</p>
      <div className="invite-link-row">
        <label className="visually-hidden" htmlFor={inputId}>
          Sign-in link for {name}
        </label>
        <input id={inputId} ref={input} readOnly value={url} onFocus={(event) => event.currentTarget.select()} spellCheck={false} />
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
        {onDismiss && (
          <button type="button" className="button-quiet" onClick={onDismiss}>
            Done
          </button>
        )}
      </div>
      <p className="invite-link-copied" aria-live="polite">
        {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'The browser did not let the page copy: the link is selected, press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
    </div>
  )
}
