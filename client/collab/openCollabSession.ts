/** One document's Y.Doc, kept in IndexedDB and synced over the y-websocket endpoint while online. */
import { IndexeddbPersistence } from 'y-indexeddb'
import type { AwarenessChanges } from '../presence/caretAwareness.ts'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { announceMembershipChange, isMembershipChange } from '../access/membershipChange.ts'
import { confirmSession } from '../app/sessionEnd.ts'
import { collabUrl } from './collabUrl.ts'
import { deferUpdates } from './deferredUpdates.ts'
import { localDraftName } from './localDrafts.ts'

export interface CollabSession {
  documentId: string
  doc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  destroy(): void
  /** Destroys the session and deletes this browser's copy of the document (its IndexedDB database). */
  discard(): Promise<void>
}

/** How long discarding waits for the browser to delete the document's database. */
const discardWaitMs = 5000

/** Longest a change waits to be sent and stored when the tab paints no frame (hidden); otherwise it goes once painted. */
const hiddenTabWaitMs = 50

/** Longest the socket waits for the browser's copy to load before connecting (a browser whose IndexedDB never answers). */
const localCopyWaitMs = 2000

export interface CollabSessionOptions {
  /**
   * The server refused a change to text agreed ad referendum (close 4423): this copy holds a change the server will
   * never take, so the page discards it and loads the stored text again.
   */
  onAgreedTextRefused?: () => void
}

export function openCollabSession(documentId: string, options: CollabSessionOptions = {}): CollabSession {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(localDraftName(documentId), doc)
  // Connected once the browser's copy is in the document, so that the sync exchange starting the connection carries
  // what was written offline; the copy itself is never sent back as a change (a read-only member's browser would be
  // refused, and an editor's would upload the whole document on each opening).
  const provider = new WebsocketProvider(collabUrl(window.location), documentId, doc, {
    connect: false,
    // Tabs talk to the server only: what a read-only member types must never reach another tab.
    disableBc: true,
    maxBackoffTime: 5000,
  })
  // A change is sent and stored just after the keystroke that made it has been painted (within a frame), several
  // merged into one, rather than on the keystroke's path. The stock listeners are replaced by the deferred ones.
  doc.off('update', provider._updateHandler)
  doc.off('update', persistence._storeUpdate)
  // A change made while the socket is not connected goes up with the sync exchange of the next connection instead.
  const sent = deferUpdates(doc, {
    ownOrigin: provider,
    consume: (update) => provider._updateHandler(update, null),
    fallbackMs: hiddenTabWaitMs,
    isAway: () => !provider.wsconnected,
  })
  const stored = deferUpdates(doc, { ownOrigin: persistence, consume: (update) => persistence._storeUpdate(update, null), fallbackMs: hiddenTabWaitMs })
  // Presence: only this browser's own state goes up. The stock listener also sends back every other participant's state
  // it receives (each cursor move, each renewal), so in a meeting of n each move would reach the server n - 1 times more.
  provider.awareness.off('update', provider._awarenessUpdateHandler)
  const sendOwnPresence = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const own = provider.awareness.clientID
    if (added.includes(own) || updated.includes(own) || removed.includes(own)) provider._awarenessUpdateHandler({ added: [], updated: [own], removed: [] }, origin)
  }
  provider.awareness.on('update', sendOwnPresence)
  const flushChanges = () => {
    sent.flush()
    stored.flush()
  }
  window.addEventListener('pagehide', flushChanges)
  // The socket may outlive a lost network for a long while; follow what the browser knows.
  const goOffline = () => provider.disconnect()
  const goOnline = () => provider.connect()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  // The server closing the socket may mean the member was revoked or signed out: the shell then shows the sign-in page.
  // 4501: their role or the workspaces they lead changed; the provider reconnects and the page asks what they may do now.
  // 4423: a change to agreed text was refused; the stock provider does not reconnect (final code) and the page reloads the text.
  provider.on('connection-close', (event) => {
    if (isMembershipChange(event)) announceMembershipChange(documentId)
    else if (event?.code === CloseCode.agreedTextLocked.code) options.onAgreedTextRefused?.()
    else if (event) void confirmSession()
  })

  let destroyed = false
  let connectedFirst = false
  const connectFirst = () => {
    if (connectedFirst || destroyed) return
    connectedFirst = true
    clearTimeout(localCopyTimer)
    if (navigator.onLine) provider.connect()
  }
  const localCopyTimer = setTimeout(connectFirst, localCopyWaitMs)
  void persistence.whenSynced.then(connectFirst)
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    clearTimeout(localCopyTimer)
    window.removeEventListener('pagehide', flushChanges)
    sent.destroy()
    stored.destroy()
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('online', goOnline)
    provider.awareness.setLocalState(null)
    provider.awareness.off('update', sendOwnPresence)
    provider.destroy()
    doc.destroy()
  }

  return {
    documentId,
    doc,
    provider,
    persistence,
    destroy() {
      if (destroyed) return
      flushChanges()
      destroy()
      void persistence.destroy()
    },
    async discard() {
      if (destroyed) return
      destroy()
      // Destroys the persistence, then deletes its database (other tabs holding it close theirs when asked). Should the
      // browser keep it waiting, the page goes on after a moment rather than stay blank.
      await Promise.race([persistence.clearData(), new Promise((resolve) => setTimeout(resolve, discardWaitMs))])
    },
  }
}
