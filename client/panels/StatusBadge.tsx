/** The server's verdict on the document in the header: valid, or how many problems it found. */
import { useServerStatus } from './useServerStatus.ts'

export function StatusBadge({ documentId }: { documentId: string }) {
  const status = useServerStatus(documentId)
  if (!status) {
    return (
      <span className="status-badge status-unknown" role="status" data-testid="server-status">
        Checking…
      </span>
    )
  }
  // The server lists a bounded number of problems; problemCount is how many there are in all.
  const count = status.problemCount ?? status.problems.length
  const more = status.omittedProblems ? `\n(and ${status.omittedProblems} more)` : ''
  const label = status.valid ? (count === 0 ? 'Valid' : `Valid, ${count} ${count === 1 ? 'warning' : 'warnings'}`) : `${count} ${count === 1 ? 'problem' : 'problems'}`
  return (
    <span
      className={status.valid ? 'status-badge status-valid' : 'status-badge status-invalid'}
      role="status"
      data-testid="server-status"
      title={`Server check at ${new Date(status.checkedAt).toLocaleTimeString()}${count ? `:\n${status.problems.map((problem) => problem.message).join('\n')}${more}` : ''}`}
    >
      <span className="visually-hidden">Server check: </span>
      {label}
    </span>
  )
}
