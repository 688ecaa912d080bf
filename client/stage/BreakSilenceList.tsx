/** For delegations while silence runs: each numbered block of the revision, with "Break silence" and a reason. */
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { numberedBlocks, type NumberedBlock } from '../../shared/stage/revisionBlocks.ts'
import { blockName } from '../../shared/stage/blockName.ts'
import { breakSilence, type Procedure } from '../api/procedures.ts'
import { getRevision, type RevisionDetail } from '../api/revisions.ts'
import { useCatalogue } from '../editor/CatalogueContext.ts'

const shortText = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text)

export function BreakSilenceList({ documentId, procedure, delegation, onChanged }: { documentId: string; procedure: Procedure; delegation: string; onChanged: () => void }) {
  const catalogue = useCatalogue()
  const [revision, setRevision] = useState<RevisionDetail | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    getRevision(documentId, procedure.revision.id).then(
      (detail) => current && setRevision(detail),
      (error: Error) => current && setLoadError(error.message),
    )
    return () => {
      current = false
    }
  }, [documentId, procedure.revision.id])
  const blocks = useMemo(() => (revision ? numberedBlocks(toDraftModel(revision.content, catalogue)) : []), [revision, catalogue])
  const ours = new Set(procedure.objections.filter((objection) => objection.delegation === delegation).map((objection) => objection.block.number))

  if (loadError) return <p className="notice notice-error">Could not load {procedure.revision.label}: {loadError}</p>
  if (!revision) return <p className="loading">Loading {procedure.revision.label}…</p>
  return (
    <div className="silence-blocks">
      <h3>Break silence on {procedure.revision.label}</h3>
      <p className="hint">Once per paragraph or recommendation, with a reason. After the deadline no objection is taken.</p>
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
  const name = blockName(block.number)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') return setError('Say why your delegation breaks silence.')
    setBusy(true)
    setError(null)
    try {
      await breakSilence(documentId, procedureId, { block: { position: block.position, number: block.number }, reason: reason.trim() })
      setOpen(false)
      onChanged()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="silence-block" data-block={block.number}>
      <span className="silence-block-number">{block.number}</span> <span className="silence-block-text">{shortText(block.text)}</span>
      {broken ? (
        <span className="silence-broken-mark">Silence broken by your delegation</span>
      ) : !open ? (
        <button type="button" className="button-quiet" onClick={() => setOpen(true)} aria-label={`Break silence on ${name}`}>
          Break silence
        </button>
      ) : (
        <form className="silence-reason" onSubmit={submit}>
          <label>
            Reason for breaking silence on {name}
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send objection'}
          </button>{' '}
          <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
            Cancel
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
