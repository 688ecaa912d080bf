/** Writing a proposal (or editing one's own): what kind, the proposed text, framework links, an explanation. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { defaultMaxProposalChars, maxReasonChars, type ProposalKind } from '../../shared/schema/proposals.ts'
import { useCatalogue } from '../editor/CatalogueContext.ts'
import { useChooseLinks } from '../editor/LinkPicker.tsx'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { proposalKindLabel } from './proposalTarget.ts'

export interface ProposalFields {
  kind: ProposalKind
  text: string
  refs: string[]
  explanation: string
}

const needsText = (kind: ProposalKind) => kind === 'replace' || kind === 'insert' || kind === 'paragraph' || kind === 'recommendation'
const needsRefs = (kind: ProposalKind) => kind === 'recommendation' || kind === 'relink'

export interface ProposalFormProps {
  kinds: readonly ProposalKind[]
  initial: Partial<ProposalFields>
  submitLabel: string
  /** The links the recommendation has now, for a change of links. */
  currentRefs?: readonly string[]
  onSubmit: (fields: ProposalFields) => Promise<unknown>
  onCancel: () => void
}

export function ProposalForm({ kinds, initial, submitLabel, currentRefs = [], onSubmit, onCancel }: ProposalFormProps) {
  const catalogue = useCatalogue()
  const chooseLinks = useChooseLinks()
  const [kind, setKind] = useState<ProposalKind>(initial.kind ?? kinds[0]!)
  const [text, setText] = useState(initial.text ?? '')
  const [refs, setRefs] = useState<string[]>(initial.refs ?? [...currentRefs])
  const [explanation, setExplanation] = useState(initial.explanation ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const mounted = useRef(true)
  const id = useId()
  const labelOf = (ref: string) => resolveRef(catalogue, ref).element?.label ?? ref

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const chooseKind = (next: ProposalKind) => {
    setKind(next)
    setError(null)
    if (next === 'relink') setRefs([...currentRefs])
    else if (next === 'recommendation' && kind === 'relink') setRefs([])
  }

  const addLinks = async () => {
    const chosen = await chooseLinks({
      title: kind === 'relink' ? t('proposals.chooseLinksRelink') : t('proposals.chooseLinksRecommendation'),
      confirmLabel: t('proposals.addLinks'),
      linked: refs,
    })
    if (chosen) setRefs((current) => [...new Set([...current, ...chosen])])
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (needsText(kind) && !text.trim()) return setError(new Error(t('proposals.errorNoText')))
    if (needsRefs(kind) && refs.length === 0) return setError(new Error(t('proposals.errorNoLinks')))
    if (kind === 'relink' && refs.length === currentRefs.length && refs.every((ref) => currentRefs.includes(ref))) return setError(new Error(t('proposals.errorSameLinks')))
    setBusy(true)
    setError(null)
    try {
      await onSubmit({ kind, text: text.trim(), refs, explanation: explanation.trim() })
    } catch (failure) {
      if (mounted.current) setError(failure)
    } finally {
      if (mounted.current) setBusy(false)
    }
  }

  return (
    <form
      className="proposal-form"
      onSubmit={submit}
      // Escape cancels, as in the comment form.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || busy) return
        event.preventDefault()
        onCancel()
      }}
      aria-busy={busy}
      aria-label={t('proposals.proposal')}
    >
      {kinds.length > 1 && (
        <fieldset className="proposal-kinds">
          <legend>{t('proposals.propose')}</legend>
          {kinds.map((option) => (
            <label key={option} className="proposal-kind">
              <input type="radio" name={`${id}-kind`} value={option} checked={kind === option} onChange={() => chooseKind(option)} />
              {proposalKindLabel(option)}
            </label>
          ))}
        </fieldset>
      )}
      {needsText(kind) && (
        <>
          <label htmlFor={`${id}-text`}>{kind === 'replace' ? t('proposals.replaceWith') : kind === 'insert' ? t('proposals.textToInsert') : t('proposals.proposedText')}</label>
          <textarea dir="auto" id={`${id}-text`} rows={3} value={text} maxLength={defaultMaxProposalChars} onChange={(event) => setText(event.target.value)} autoFocus />
        </>
      )}
      {needsRefs(kind) && (
        <div className="proposal-refs" role="group" aria-label={t('proposals.frameworkLinks')}>
          <span className="proposal-refs-label">{t('proposals.frameworkLinks')}</span>
          <ul>
            {refs.map((ref) => (
              <li key={ref} className="proposal-ref">
                <bdi translate="no">{labelOf(ref)}</bdi>
                <button type="button" className="button-link" aria-label={t('proposals.removeLink', { label: labelOf(ref) })} onClick={() => setRefs((current) => current.filter((other) => other !== ref))}>
                  ×
                </button>
              </li>
            ))}
            {refs.length === 0 && <li className="proposal-ref is-missing">{t('proposals.noLinksYet')}</li>}
          </ul>
          <button type="button" className="button-quiet" onClick={addLinks}>
            {t('proposals.addLink')}
          </button>
        </div>
      )}
      <label htmlFor={`${id}-why`}>{t('proposals.explanation')}</label>
      <textarea dir="auto" id={`${id}-why`} rows={2} value={explanation} maxLength={maxReasonChars} onChange={(event) => setExplanation(event.target.value)} />
      <FormError error={error} />
      <div className="proposal-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('proposals.sending') : submitLabel}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
          {t('proposals.cancel')}
        </button>
      </div>
    </form>
  )
}
