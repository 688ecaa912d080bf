/** For delegations while silence runs: each numbered block of the revision, with "Break silence" and a reason. */
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { numberedBlocks, type NumberedBlock } from '../../shared/stage/revisionBlocks.ts'
import { breakSilence, type Procedure } from '../api/procedures.ts'
import { getRevision, type RevisionDetail } from '../api/revisions.ts'
import { useCatalogue } from '../editor/CatalogueContext.ts'
import { t } from '../i18n/i18n.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { blockValues, isolated } from './stageWords.ts'

const shortText = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text)

export function BreakSilenceList({ documentId, procedure, delegation, onChanged }: { documentId: string; procedure: Procedure; delegation: string; onChanged: () => void }) {
  const catalogue = useCatalogue()
  const [revision, setRevision] = useState<RevisionDetail | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    getRevision(documentId, procedure.revision.id).then(
      (detail) => current && setRevision(detail),
      (error: unknown) => current && setLoadError(errorMessage(error)),
    )
    return () => {
      current = false
    }
  }, [documentId, procedure.revision.id])
  const blocks = useMemo(() => (revision ? numberedBlocks(toDraftModel(revision.content, catalogue)) : []), [revision, catalogue])
  const ours = new Set(procedure.objections.filter((objection) => objection.delegation === delegation).map((objection) => objection.block.number))

  if (loadError) return <p className="notice notice-error">{t('stage.revisionNotLoaded', { revision: isolated(procedure.revision.label), reason: loadError })}</p>
  if (!revision) return <p className="loading">{t('stage.loadingRevision', { revision: isolated(procedure.revision.label) })}</p>
  return (
    <div className="silence-blocks">
      <h3>{t('stage.breakSilenceOnRevision', { revision: isolated(procedure.revision.label) })}</h3>
      <p className="hint">{t('stage.breakSilenceHint')}</p>
      <ol className="silence-block-list">
        {blocks.map((block) => (
          <BlockRow key={`${block.position}-${block.number}`} documentId={documentId} procedureId={procedure.id} block={block} broken={ours.has(block.number)} onChanged={onChanged} />
        ))}
      </ol>
    </div>
  )
}

function BlockRow({ documentId, procedureId, block, broken, onChanged }: { documentId: string; procedureId: number; block: NumberedBlock; broken: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const named = blockValues(block.number)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') return setError(t('stage.reasonMissing'))
    setBusy(true)
    setError(null)
    try {
      await breakSilence(documentId, procedureId, { block: { position: block.position, number: block.number }, reason: reason.trim() })
      setOpen(false)
      onChanged()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="silence-block" data-block={block.number}>
      <span className="silence-block-number">{block.number}</span>{' '}
      <span className="silence-block-text" translate="no" dir="auto">
        {shortText(block.text)}
      </span>
      {broken ? (
        <span className="silence-broken-mark">{t('stage.brokenByYourDelegation')}</span>
      ) : !open ? (
        <button type="button" className="button-quiet" onClick={() => setOpen(true)} aria-label={t('stage.breakSilenceOnBlock', named)}>
          {t('stage.breakSilence')}
        </button>
      ) : (
        <form className="silence-reason" onSubmit={submit}>
          <label>
            {t('stage.reasonLabel', named)}
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('stage.sending') : t('stage.sendObjection')}
          </button>{' '}
          <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
            {t('stage.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
