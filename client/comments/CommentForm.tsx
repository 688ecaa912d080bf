/** Writing a comment: a new thread's first comment, a reply, or an edit. The server's refusal is shown in its words. */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { maxCommentLength } from '../api/comments.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'

export interface CommentFormProps {
  label: string
  submitLabel: string
  busyLabel: string
  initialBody?: string
  onSubmit: (body: string) => Promise<unknown>
  onCancel?: () => void
}

export function CommentForm({ label, submitLabel, busyLabel, initialBody = '', onSubmit, onCancel }: CommentFormProps) {
  const [body, setBody] = useState(initialBody)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const mounted = useRef(true)
  const field = useRef<HTMLTextAreaElement>(null)
  const id = useId()

  useEffect(() => {
    mounted.current = true
    field.current?.focus()
    return () => {
      mounted.current = false
    }
  }, [])

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (busy) return
    const trimmed = body.trim()
    if (!trimmed) return setError(new Error(t('comments.errorEmpty')))
    if (trimmed.length > maxCommentLength) return setError(new Error(t('comments.errorTooLong', { max: maxCommentLength })))
    setBusy(true)
    setError(null)
    try {
      await onSubmit(trimmed)
    } catch (failure) {
      if (mounted.current) setError(failure)
    } finally {
      if (mounted.current) setBusy(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      onCancel()
    }
  }

  return (
    <form className="comment-form" onSubmit={submit} aria-busy={busy}>
      <label htmlFor={id}>{label}</label>
      <textarea dir="auto" id={id} ref={field} rows={3} value={body} onChange={(event) => setBody(event.target.value)} onKeyDown={onKeyDown} aria-describedby={`${id}-hint`} />
      <p className="comment-form-hint" id={`${id}-hint`}>
        {onCancel ? t('comments.formHintWithCancel') : t('comments.formHint')}
      </p>
      <FormError error={error} />
      <div className="comment-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
            {t('comments.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
