/** How many of the draft's blocks are open, under negotiation and agreed ad referendum, as the text and the statuses change. */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { blockKeyOf } from '../../shared/collab/blockKey.ts'
import { type BlockStatusCounts, type BlockStatusValue, countStatuses } from '../../shared/schema/blockStatus.ts'

function count(fragment: Y.XmlFragment, statuses: ReadonlyMap<string, BlockStatusValue>): BlockStatusCounts {
  const keys = fragment.toArray().map((child) => blockKeyOf(child as Y.AbstractType<unknown>)).filter((key): key is string => key !== null)
  return countStatuses(keys, statuses)
}

export function useBlockCounts(editor: Editor, fragment: Y.XmlFragment, statuses: ReadonlyMap<string, BlockStatusValue>, delayMs = 300): BlockStatusCounts {
  const [counts, setCounts] = useState(() => count(fragment, statuses))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const recount = () => setCounts(count(fragment, statuses))
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(recount, delayMs)
    }
    recount()
    editor.on('update', schedule)
    return () => {
      clearTimeout(timer)
      editor.off('update', schedule)
    }
  }, [editor, fragment, statuses, delayMs])
  return counts
}
