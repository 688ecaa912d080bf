/**
 * A document's block statuses in the open editor: loaded from the server, kept live by `blockStatus` events, drawn and
 * enforced by the block status plugin; the notice when the editor refused a change to agreed text.
 */
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { BlockStatusList, BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import { followBlockStatuses, listBlockStatuses } from '../api/blockStatus.ts'
import { type BlockStatusMeta, blockStatusKey, blockStatusPlugin } from './blockStatusPlugin.ts'

export interface BlockStatuses {
  statuses: ReadonlyMap<string, BlockStatusValue>
  /** Takes the server's answer to a change at once (the event follows). */
  accept: (list: BlockStatusList) => void
  /** When the editor last refused a change to agreed text (to show the notice), or null. */
  refusedAt: number | null
  dismissRefusal: () => void
}

const noticeMs = 8000

function toMap(list: BlockStatusList): ReadonlyMap<string, BlockStatusValue> {
  return new Map(list.blocks.map((record) => [record.block, record.status]))
}

export function useBlockStatuses(editor: Editor, documentId: string, fragment: Y.XmlFragment): BlockStatuses {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, BlockStatusValue>>(() => new Map())
  const [refusedAt, setRefusedAt] = useState<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    editor.registerPlugin(
      blockStatusPlugin({
        fragment,
        onRefused: () => {
          setRefusedAt(Date.now())
          clearTimeout(timer.current)
          timer.current = setTimeout(() => setRefusedAt(null), noticeMs)
        },
      }),
    )
    return () => {
      clearTimeout(timer.current)
      if (!editor.isDestroyed) editor.unregisterPlugin(blockStatusKey)
    }
  }, [editor, fragment])

  // Lists taken since the page opened (a change's answer, an event): a load answered after one of them may predate it.
  const taken = useRef(0)
  const take = useCallback((list: BlockStatusList) => {
    taken.current += 1
    setStatuses(toMap(list))
  }, [])

  useEffect(() => {
    let current = true
    const load = () => {
      const before = taken.current
      return listBlockStatuses(documentId).then(
        // A change answered or announced while the load was on its way is newer than what the load read: it stays.
        (list) => current && taken.current === before && take(list),
        () => undefined,
      )
    }
    const stop = followBlockStatuses(documentId, (list) => current && take(list), () => void load())
    void load()
    return () => {
      current = false
      stop()
    }
  }, [documentId, take])

  useEffect(() => {
    if (editor.isDestroyed) return
    editor.view.dispatch(editor.state.tr.setMeta(blockStatusKey, { statuses } satisfies BlockStatusMeta).setMeta('addToHistory', false))
  }, [editor, statuses])

  const dismissRefusal = useCallback(() => setRefusedAt(null), [])
  return { statuses, accept: take, refusedAt, dismissRefusal }
}
