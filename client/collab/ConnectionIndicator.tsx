/** Always-visible state of the document's connection to the server. */
import { describeConnection } from './connectionState.ts'
import type { CollabSession } from './openCollabSession.ts'
import { useConnectionState } from './useConnectionState.ts'

export function ConnectionIndicator({ session }: { session: CollabSession }) {
  const { kind, label } = describeConnection(useConnectionState(session))
  return (
    <p className={`connection connection-${kind}`} role="status" aria-live="polite" data-testid="connection-state">
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </p>
  )
}
