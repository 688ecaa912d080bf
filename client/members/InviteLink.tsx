/** A one-time sign-in link, shown once after it is made, with a button that copies it. */
import { useId, useRef, useState } from 'react'
import { t } from '../i18n/i18n.ts'

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
        <strong>{t('members.signInLinkFor', { name })}</strong>
      </p>
      <p className="hint">{t('members.signInLinkHint', { name })}</p>
      <div className="invite-link-row">
        <label className="visually-hidden" htmlFor={inputId}>
          {t('members.signInLinkFor', { name })}
        </label>
        <input id={inputId} ref={input} readOnly dir="ltr" value={url} onFocus={(event) => event.currentTarget.select()} spellCheck={false} />
        <button type="button" onClick={copyLink}>
          {t('members.copyLink')}
        </button>
        {onDismiss && (
          <button type="button" className="button-quiet" onClick={onDismiss}>
            {t('members.done')}
          </button>
        )}
      </div>
      <p className="invite-link-copied" aria-live="polite">
        {copy === 'copied' ? t('members.copied') : copy === 'failed' ? t('members.copyRefused') : ''}
      </p>
    </div>
  )
}
