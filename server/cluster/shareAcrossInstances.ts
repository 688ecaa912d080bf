/**
 * Binds the services to the cluster: what happens on one instance that others must act on (a revocation, a role or
 * lead change, a sign-out, every document event) is published; what another instance published is acted on here as if
 * it had happened here (listeners run, caches forgotten), without being published again.
 */
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { Access } from '../auth/access.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Registry } from '../workspaces/registry.ts'
import type { BlockStatusService } from '../blocks/blockStatusService.ts'
import type { CatalogueStore } from '../catalogue/catalogueStore.ts'
import type { Rooms } from '../collab/rooms.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { log } from '../log.ts'
import type { ProcedureService } from '../procedures/procedureService.ts'
import type { DocumentStatusService } from '../validation/documentStatus.ts'
import type { Cluster, ClusterNotice, ClusterObserver } from './cluster.ts'
import type { CollabRelay } from './collabRelay.ts'

export interface SharedServices {
  cluster: Cluster
  relay: CollabRelay
  rooms: Rooms
  members: MemberDirectory
  sessions: Sessions
  registry: Registry
  access: Access
  events: DocumentEvents
  catalogue: CatalogueStore
  blocks: BlockStatusService
  status: DocumentStatusService
  procedures: ProcedureService
  observer: ClusterObserver
}

/** Every listener but the one that publishes (what arrived from elsewhere is not sent back). */
function othersOf<F>(listeners: Set<F>, publisher: F): F[] {
  return [...listeners].filter((listener) => listener !== publisher)
}

export function shareAcrossInstances(s: SharedServices): void {
  const { cluster, relay, rooms, members, access, events } = s
  if (!cluster.shared) return
  const publishRevoked = (memberId: number) => cluster.publishNotice({ kind: 'memberRevoked', memberId })
  const publishChanged = (memberId: number) => cluster.publishNotice({ kind: 'memberChanged', memberId })
  const publishLead = (memberId: number, workspaceId: string) => cluster.publishNotice({ kind: 'leadChanged', memberId, workspaceId })
  members.revokeListeners.add(publishRevoked)
  members.changeListeners.add(publishChanged)
  access.leadListeners.add(publishLead)
  s.registry.changeListeners.add(() => cluster.publishNotice({ kind: 'registryChanged' }))
  events.publishedListeners.add((documentId, { event, data }) => cluster.publishNotice({ kind: 'event', documentId, event, data }))

  /** Caches of what the event says changed are brought up to date before anyone hears of it. */
  const onEvent = async (documentId: string | null, event: string): Promise<void> => {
    if (event === 'blockStatus' && documentId) {
      // The agreed blocks are read again before the relay here judges another update against them.
      await s.blocks.reload(documentId)
      for (const listener of s.blocks.changeListeners) listener(documentId)
    } else if (event === 'catalogue') {
      // Read again without telling the listeners: this instance's clients hear of it from the event delivered below.
      await s.catalogue.reload({ quietly: true })
      s.status.invalidateAll()
    } else if (event === 'stage') {
      await s.procedures.armPending()
    }
  }

  const notice = (notice: ClusterNotice) => {
    switch (notice.kind) {
      case 'event':
        void onEvent(notice.documentId, notice.event)
          .catch((error: unknown) => log.error('cluster.event_cache_refresh_failed', { error, event: notice.event }))
          .finally(() => events.deliver(notice.documentId, { event: notice.event, data: notice.data }))
        break
      case 'memberRevoked':
        for (const listener of othersOf(members.revokeListeners, publishRevoked)) listener(notice.memberId)
        break
      case 'memberChanged':
        for (const listener of othersOf(members.changeListeners, publishChanged)) listener(notice.memberId)
        break
      case 'leadChanged':
        access.invalidate()
        for (const listener of othersOf(access.leadListeners, publishLead)) listener(notice.memberId, notice.workspaceId)
        break
      case 'registryChanged':
        void s.registry.reload().catch((error: unknown) => log.error('cluster.registry_reload_failed', { error }))
        break
      case 'sessionsEnded':
        // Known ended here too, so the connections opened with it close (their check reads memory).
        if (typeof notice.hash === 'string') s.sessions.sessionEnded(notice.hash)
        rooms.closeSignedOut(CloseCode.signedOut)
        break
    }
  }

  relay.caughtUp = (reason) => s.observer.caughtUp(reason)
  // Another instance's edits change the validity its viewers here are shown; a status kept unwatched is let go (read
  // again when next asked), never served as it was before those edits.
  relay.changedElsewhere = (documentId) => {
    if (s.status.watched(documentId)) s.status.changed(documentId)
    else s.status.invalidate(documentId)
  }

  cluster.start({
    collab: (message) => relay.receive(message),
    notice: (message) => {
      try {
        notice(message)
      } catch (error) {
        log.error('cluster.notice_failed', { kind: message.kind, error })
      }
    },
    lost: (reason, channels) => {
      // Whatever was missed is read again: the documents from the store, the caches from the database, and the
      // connections of members revoked or signed out meanwhile are closed.
      if (channels.includes('collab')) relay.lost(reason)
      // Events may have been missed: every event stream starts again, and its client fetches what it missed.
      if (channels.includes('notice')) events.restartStreams()
      access.invalidate()
      // A missed `registryChanged`: a document created, its metadata changed, or submitted (closed) elsewhere.
      void s.registry.reload().catch((error: unknown) => log.error('cluster.registry_reload_failed', { error }))
      void s.catalogue.reload().catch((error: unknown) => log.error('cluster.catalogue_reload_failed', { error }))
      s.status.invalidateAll()
      void s.blocks.loadAll().catch((error: unknown) => log.error('cluster.block_statuses_not_read', { error }))
      void s.procedures.armPending().catch((error: unknown) => log.error('cluster.deadlines_not_armed', { error }))
      void (async () => {
        for (const memberId of await members.revokedAmong(rooms.connectedMemberIds())) rooms.closeMember(memberId, CloseCode.memberRevoked)
        rooms.closeSignedOut(CloseCode.signedOut)
      })().catch((error: unknown) => log.error('members.revocation_sweep_failed', { error }))
    },
  })
}
