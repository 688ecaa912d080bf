/** "Export…": the button that opens the export form in a dialog, for a revision or for the live document. */
import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import type { Stage } from '../api/procedures.ts'
import type { DocumentDetail, DocumentPermissions, DocumentRecord, DocumentStatus } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { useServerStatus } from '../panels/useServerStatus.ts'
import { revealRecommendation } from '../panels/revealRecommendation.ts'
import { ExportForm } from './ExportForm.tsx'
import { Modal } from './Modal.tsx'
import '../styles/revisions.css'

export interface ExportMenuProps {
  document: DocumentRecord
  permissions: DocumentPermissions
  /** The revision to export unless the member picks another source; the current text when absent. */
  revisionId?: number
  onReveal?: (recommendationId: string) => void
  /**
   * The server's live verdict on the current text, when an export of the current text for submission takes that text
   * (not once the document is adopted: then it takes the adopted revision); null while unknown.
   */
  currentStatus?: DocumentStatus | null
}

export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button-quiet export-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('revisions.exportEllipsis')}
      </button>
      {open && (
        <Modal title={t('revisions.exportTitle')} className="export-dialog" onClose={() => setOpen(false)}>
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

/** Stages in which an export of the current text for submission is the live text (afterwards it is the adopted revision). */
const exportsLiveText: ReadonlySet<Stage['kind']> = new Set(['drafting', 'comments', 'silence', 'broken'])

/**
 * The export menu of the live document: problems that refuse an export lead to their recommendation in the editor, and
 * the form knows whether the current text could go for submission as it stands.
 */
export function DocumentExportMenu({ detail, stage, editor }: { detail: DocumentDetail; stage: Stage; editor?: Editor | null }) {
  const status = useServerStatus(detail.document.id)
  return (
    <ExportMenu
      document={detail.document}
      permissions={detail.permissions}
      onReveal={editor ? (recommendationId) => void revealRecommendation(editor, recommendationId) : undefined}
      currentStatus={exportsLiveText.has(stage.kind) ? status : null}
    />
  )
}
