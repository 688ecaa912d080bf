/** A polite word that the member's permissions on the open document changed, with a button to put it away. */
import { DismissibleNotice } from '../app/DismissibleNotice.tsx'
import '../styles/access.css'

export function AccessNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  return <DismissibleNotice notice={notice} onDismiss={onDismiss} className="access-notice" testId="access-notice" />
}
