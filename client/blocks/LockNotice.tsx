/** The notice that a change to agreed text was not kept and the document was loaded again from the server. */
import { DismissibleNotice } from '../app/DismissibleNotice.tsx'
import '../styles/blockStatus.css'

export function LockNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  return <DismissibleNotice notice={notice} onDismiss={onDismiss} className="lock-notice" testId="lock-notice" />
}
