/** "Export": the current text or a revision as DOCX, Markdown, text or HTML, for submission or as a marked working copy. */
import type { Editor } from '@tiptap/core'
import { useId, useState, type FormEvent } from 'react'
import { exportFormatLabels, exportFormats, exportUrl, listRevisions, type ExportFormat } from '../api/revisions.ts'
import type { DocumentDetail, DocumentPermissions, DocumentRecord } from '../api/types.ts'
import { useLoad } from '../app/useLoad.ts'
import { revealRecommendation } from '../panels/revealRecommendation.ts'
import { DraftInvalidNotice } from './DraftProblems.tsx'
import { Modal } from './Modal.tsx'
import { exportFileName, formatWhen, versionLabel } from './revisionText.ts'
import { useDownload } from './useDownload.ts'
import '../styles/revisions.css'

export interface ExportMenuProps {
  document: DocumentRecord
  permissions: DocumentPermissions
  /** The revision to export unless the member picks another source; the current text when absent. */
  revisionId?: number
  onReveal?: (recommendationId: string) => void
}

export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button-quiet export-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && (
        <Modal title="Export" className="export-dialog" onClose={() => setOpen(false)}>
          <ExportForm
            {...props}
            onReveal={
              props.onReveal &&
              ((id) => {
                setOpen(false)
                props.onReveal!(id)
              })
            }
          />
        </Modal>
      )}
    </>
  )
}

/** The export menu of the live document: problems that refuse an export lead to their recommendation in the editor. */
export function DocumentExportMenu({ detail, editor }: { detail: DocumentDetail; editor?: Editor | null }) {
  return (
    <ExportMenu
      document={detail.document}
      permissions={detail.permissions}
      onReveal={editor ? (recommendationId) => void revealRecommendation(editor, recommendationId) : undefined}
    />
  )
}

function ExportForm({ document, permissions, revisionId, onReveal }: ExportMenuProps) {
  const [loaded] = useLoad(() => listRevisions(document.id), [document.id])
  const [format, setFormat] = useState<ExportFormat>('docx')
  const [source, setSource] = useState<string>(revisionId === undefined ? 'current' : String(revisionId))
  const [working, setWorking] = useState(!permissions.exportForSubmission)
  const [state, download, reset] = useDownload()
  const workingHintId = useId()
  const revisions = loaded.status === 'ready' ? loaded.value : []
  const mustBeWorkingCopy = !permissions.exportForSubmission

  const start = (asWorkingCopy: boolean) => {
    const revision = source === 'current' ? undefined : Number(source)
    const label = revision === undefined ? undefined : versionLabel(revision, revisions)
    const url = exportUrl(document.id, { format, revision, working: asWorkingCopy })
    return download(url, exportFileName(document.symbol ?? document.title, format, { versionLabel: label, working: asWorkingCopy }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void start(working)
  }

  return (
    <form className="export-form" onSubmit={submit}>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {exportFormats.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="format"
              value={option}
              checked={format === option}
              onChange={() => {
                setFormat(option)
                reset()
              }}
            />
            {exportFormatLabels[option]}
          </label>
        ))}
      </fieldset>
      <label>
        Text
        <select
          name="source"
          value={source}
          onChange={(event) => {
            setSource(event.target.value)
            reset()
          }}
        >
          <option value="current">Current text</option>
          {revisionId !== undefined && loaded.status !== 'ready' && <option value={String(revisionId)}>Revision {revisionId}</option>}
          {[...revisions].reverse().map((revision) => (
            <option key={revision.id} value={String(revision.id)}>
              {revision.label} ({formatWhen(revision.createdAt)})
            </option>
          ))}
        </select>
      </label>
      {loaded.status === 'failed' && <p className="hint">The revisions could not be listed: {loaded.error.message}</p>}
      <label className="choice">
        <input
          type="checkbox"
          name="working"
          checked={working || mustBeWorkingCopy}
          disabled={mustBeWorkingCopy}
          aria-describedby={workingHintId}
          onChange={(event) => {
            setWorking(event.target.checked)
            reset()
          }}
        />
        Working copy
      </label>
      <p className="hint" id={workingHintId}>
        {mustBeWorkingCopy
          ? 'Only the co-facilitators and the secretariat export for submission; your copy is marked "Draft - not for submission" on every page.'
          : 'Marks every page "Draft - not for submission". A draft with unlinked or empty recommendations can only be exported this way.'}
      </p>
      <div className="modal-actions">
        <button type="submit" disabled={state.status === 'busy'}>
          {state.status === 'busy' ? 'Preparing…' : 'Download'}
        </button>
      </div>
      {state.status === 'done' && (
        <p className="notice export-done" role="status">
          Downloaded <strong>{state.fileName}</strong>.
        </p>
      )}
      {state.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>The export failed: {state.message}</p>
        </div>
      )}
      {state.status === 'invalid' && (
        <DraftInvalidNotice what="This text cannot be exported for submission." problems={state.problems} onReveal={source === 'current' ? onReveal : undefined}>
          <p>You can still export it as a working copy, marked "Draft - not for submission" on every page.</p>
          <button
            type="button"
            onClick={() => {
              setWorking(true)
              void start(true)
            }}
          >
            Download as working copy
          </button>
        </DraftInvalidNotice>
      )}
    </form>
  )
}
