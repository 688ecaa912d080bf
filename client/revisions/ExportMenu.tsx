/** "Export…": the button that opens the export form in a dialog, for a revision or for the live document. */
import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import type { DocumentDetail, DocumentPermissions, DocumentRecord } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
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
