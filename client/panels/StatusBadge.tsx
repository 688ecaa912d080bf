/** The server's verdict on the document in the header: valid, or how many problems it found; offline, when it last checked. */
import { timeOnly } from '../app/dates.ts'
import { useOnline } from '../app/useOnline.ts'
import { statusLabel } from './statusLabel.ts'
import { useServerStatus } from './useServerStatus.ts'

export function StatusBadge({ documentId }: { documentId: string }) {
  const status = useServerStatus(documentId)
  const online = useOnline()
  if (!status) {
    return (
      <span className="status-badge status-unknown" role="status" data-testid="server-status">
        Checking…
      </span>
    )
  }
  const count = status.problemCount ?? status.problems.length
  const more = status.omittedProblems ? `\n(and ${status.omittedProblems} more)` : ''
  const label = statusLabel(status, online)
  return (
    <span
      className={`status-badge status-${label.tone}`}
      role="status"
      data-testid="server-status"
      title={`Server check at ${timeOnly(Date.parse(status.checkedAt))}${count ? `:\n${status.problems.map((problem) => problem.message).join('\n')}${more}` : ''}`}
    >
      <span className="visually-hidden">Server check: </span>
      {label.text}
    </span>
  )
}
