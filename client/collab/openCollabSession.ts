/** One document's Y.Doc, kept in IndexedDB and synced over the y-websocket endpoint while online. */
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { announceMembershipChange, isMembershipChange } from '../access/membershipChange.ts'
import { confirmSession } from '../app/sessionEnd.ts'
import { collabUrl } from './collabUrl.ts'
import { localDraftName } from './localDrafts.ts'

export interface CollabSession {
  documentId: string
  doc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  destroy(): void
}

export function openCollabSession(documentId: string): CollabSession {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(localDraftName(documentId), doc)
  const provider = new WebsocketProvider(collabUrl(window.location), documentId, doc, {
    connect: navigator.onLine,
    // Tabs talk to the server only: what a read-only member types must never reach another tab.
    disableBc: true,
    maxBackoffTime: 5000,
  })
  // The socket may outlive a lost network for a long while; follow what the browser knows.
  const goOffline = () => provider.disconnect()
  const goOnline = () => provider.connect()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  // The server closing the socket may mean the member was revoked or signed out: the shell then shows the sign-in page.
  // 4501: their role or the workspaces they lead changed; the provider reconnects and the page asks what they may do now.
  provider.on('connection-close', (event) => {
    if (isMembershipChange(event)) announceMembershipChange(documentId)
    else if (event) void confirmSession()
  })

  return {
    documentId,
    doc,
    provider,
    persistence,
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      provider.awareness.setLocalState(null)
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}
