/** When the member last looked at a document's comments, by the server's record (the same on every machine they use). */
import { useCallback, useEffect, useState } from 'react'
import { commentsSeenAt, markCommentsSeen } from '../api/comments.ts'

export interface CommentsSeen {
  /** null until the server has answered. */
  seenAt: number | null
  /** The member has looked: new comments count from now on. */
  markSeen: () => Promise<void>
}

export function useCommentsSeen(documentId: string): CommentsSeen {
  const [seenAt, setSeenAt] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    // Should the server not answer, no count is shown (seenAt stays null) rather than a wrong one.
    commentsSeenAt(documentId).then(
      (at) => live && setSeenAt(at),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [documentId])
  const markSeen = useCallback(async () => setSeenAt(await markCommentsSeen(documentId)), [documentId])
  return { seenAt, markSeen }
}
