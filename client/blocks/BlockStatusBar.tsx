/**
 * Paragraph status controls above the draft: the status of the blocks the selection touches; for the workspace's leads,
 * set one status on all of them or reopen agreed ones (with a reason); for everyone, "show only what is not agreed";
 * and the notice when the editor refused a change to agreed text.
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useState } from 'react'
import type * as Y from 'yjs'
import { type BlockStatusValue, blockStatuses } from '../../shared/schema/blockStatus.ts'
import type { DocumentPermissions } from '../../shared/schema/permissions.ts'
import { reopenBlocks, setBlockStatus } from '../api/blockStatus.ts'
import { intlLocale, t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import '../styles/blockStatus.css'
import { blocksTouched } from './blockRanges.ts'
import { blockStatusLabel } from './blockStatusLabels.ts'
import { blockKeysAt } from './blockStatusPlugin.ts'
import type { BlockStatuses } from './useBlockStatuses.ts'

interface Props {
  editor: Editor
  documentId: string
  fragment: Y.XmlFragment
  blockStatuses: BlockStatuses
  permissions: Pick<DocumentPermissions, 'setBlockStatus' | 'reopenBlocks'>
  hideAgreed: boolean
  onHideAgreed: (hide: boolean) => void
}

const countIds: Record<BlockStatusValue, string> = {
  open: 'blocks.countOpen',
  negotiating: 'blocks.countNegotiating',
  agreed: 'blocks.countAgreed',
}

const markIds: Record<BlockStatusValue, string> = {
  open: 'blocks.markOpen',
  negotiating: 'blocks.markNegotiating',
  agreed: 'blocks.markAgreed',
}

/** "2 open, 1 under negotiation": counts side by side, as the language lists measures. */
const countsList = (items: string[]) => new Intl.ListFormat(intlLocale(), { type: 'unit', style: 'short' }).format(items)

/** "This block: Agreed ad referendum", "3 blocks: 2 open, 1 under negotiation". */
function describe(selected: BlockStatusValue[]): string {
  if (selected.length === 0) return t('blocks.noneSelected')
  if (selected.length === 1) return t('blocks.thisBlock', { status: blockStatusLabel(selected[0]!) })
  const counts = blockStatuses.map((status) => [status, selected.filter((value) => value === status).length] as const).filter(([, count]) => count > 0)
  return t('blocks.selectedBlocks', { count: selected.length, statuses: countsList(counts.map(([status, count]) => t(countIds[status], { count }))) })
}

export function BlockStatusBar({ editor, documentId, fragment, blockStatuses: { statuses, accept, refusedAt, dismissRefusal }, permissions, hideAgreed, onHideAgreed }: Props) {
  const indexes = useEditorState({
    editor,
    selector: ({ editor: current }) => blocksTouched(current.state.doc, current.state.selection.from, current.state.selection.to),
  })
  const [reopening, setReopening] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // The blocks are keyed by position in the Y.Doc: only while it holds what the editor shows (it catches up at once).
  const keys = fragment.length === editor.state.doc.childCount ? blockKeysAt(fragment, indexes) : []
  const selected = keys.map((key) => statuses.get(key) ?? 'open')
  const agreedKeys = keys.filter((key) => statuses.get(key) === 'agreed')

  const run = async (change: () => ReturnType<typeof setBlockStatus>) => {
    setBusy(true)
    setError(null)
    try {
      accept(await change())
      return true
    } catch (caught) {
      setError(caught)
      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="block-status-bar" role="group" aria-label={t('blocks.paragraphStatus')}>
      <div className="block-status-row">
        <span className="block-status-selection" data-testid="block-status-selection">
          {describe(selected)}
        </span>
        {permissions.setBlockStatus && keys.length > 0 && (
          <span className="block-status-actions">
            {blockStatuses.map((status) => {
              const lockedOut = status !== 'agreed' && agreedKeys.length > 0
              return (
                <button
                  key={status}
                  type="button"
                  className={`block-status-button block-status-set-${status}`}
                  aria-pressed={selected.length > 0 && selected.every((value) => value === status)}
                  disabled={busy || lockedOut}
                  title={lockedOut ? t('blocks.agreedOnlyByReopening') : t(markIds[status])}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void run(() => setBlockStatus(documentId, keys, status))}
                >
                  {blockStatusLabel(status)}
                </button>
              )
            })}
            {permissions.reopenBlocks && agreedKeys.length > 0 && !reopening && (
              <button type="button" className="button-quiet" disabled={busy} onClick={() => setReopening(true)}>
                {t('blocks.reopenEllipsis')}
              </button>
            )}
          </span>
        )}
        <label className="block-status-filter">
          <input type="checkbox" checked={hideAgreed} onChange={(event) => onHideAgreed(event.target.checked)} />
          {t('blocks.showOnlyNotAgreed')}
        </label>
      </div>
      {reopening && (
        <form
          className="block-status-reopen"
          onSubmit={(event) => {
            event.preventDefault()
            void run(() => reopenBlocks(documentId, agreedKeys, reason)).then((done) => {
              if (!done) return
              setReopening(false)
              setReason('')
            })
          }}
        >
          <label>
            {t('blocks.reopenReason')}
            <input value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={1000} />
          </label>
          <button type="submit" disabled={busy || reason.trim() === ''}>
            {t('blocks.reopenAgreed', { count: agreedKeys.length })}
          </button>
          <button type="button" className="button-quiet" onClick={() => setReopening(false)}>
            {t('blocks.cancel')}
          </button>
        </form>
      )}
      <FormError error={error} />
      {refusedAt !== null && (
        <p className="block-status-refused" role="alert" data-testid="agreed-text-notice">
          {t('blocks.agreedCannotBeEdited')}
          <button type="button" className="button-quiet" onClick={dismissRefusal}>
            {t('blocks.dismiss')}
          </button>
        </p>
      )}
    </div>
  )
}
