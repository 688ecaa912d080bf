/** A document's comment threads: loaded once, then kept current from the server's `thread` events. */
import { followThreads, listThreads, type Thread } from '../api/comments.ts'
import { type LiveList, type LiveListLoad, type LiveSource, useLiveList } from '../app/useLiveList.ts'
import { upsertThread } from './threadLayout.ts'

export type ThreadsLoad = LiveListLoad

export interface DocumentThreads extends Omit<LiveList<Thread>, 'items'> {
  threads: Thread[]
}

const threadSource: LiveSource<Thread> = { list: listThreads, follow: followThreads, upsert: upsertThread }

export function useThreads(documentId: string): DocumentThreads {
  const { items, ...rest } = useLiveList(documentId, threadSource)
  return { threads: items, ...rest }
}
