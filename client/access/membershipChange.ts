/**
 * The server closes a member's connections with 4501 when the secretariat changes their role or the workspaces they lead;
 * the stock provider reconnects by itself, and the page fetches again what the member may do.
 */
import { CloseCode } from '../../shared/collab/closeCodes.ts'

const membershipChanged = 'dtg:membership-changed'

/** Whether a connection's close (null: closed by the client itself) says the member's standing changed. */
export function isMembershipChange(event: Pick<CloseEvent, 'code'> | null): boolean {
  return event !== null && event.code === CloseCode.membershipChanged.code
}

/** Tells the page that the server reconnects the member to this document as they now are. */
export function announceMembershipChange(documentId: string): void {
  window.dispatchEvent(new CustomEvent<{ documentId: string }>(membershipChanged, { detail: { documentId } }))
}

/** Calls `listener` with the document whose connection closed for a membership change; returns the function that stops listening. */
export function onMembershipChanged(listener: (documentId: string) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<{ documentId: string }>).detail.documentId)
  window.addEventListener(membershipChanged, handler)
  return () => window.removeEventListener(membershipChanged, handler)
}
