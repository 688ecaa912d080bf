/** Asks before revoking a member, saying what revocation does; Cancel has the focus. */
export function RevokeConfirm({ name, busy, onRevoke, onCancel }: { name: string; busy: boolean; onRevoke: () => void; onCancel: () => void }) {
  return (
    <div className="revoke-confirm" role="group" aria-label={`Revoke ${name}`}>
      <p>
        <strong>Revoke {name}'s access?</strong> Their open documents disconnect at once, and their sessions, sign-in links and
        tokens stop working. Their past edits and comments stay. To let them back in, invite them again under another name.
      </p>
      <div className="revoke-buttons">
        <button type="button" className="button-danger" disabled={busy} onClick={onRevoke}>
          Revoke access
        </button>
        <button type="button" className="button-quiet" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
