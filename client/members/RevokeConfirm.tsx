/** Asks before revoking a member, saying what revocation does; Cancel has the focus. */
import { t, tx } from '../i18n/i18n.ts'

export function RevokeConfirm({ name, busy, onRevoke, onCancel }: { name: string; busy: boolean; onRevoke: () => void; onCancel: () => void }) {
  return (
    <div className="revoke-confirm" role="group" aria-label={t('members.revokeNamed', { name })}>
      <p>{tx('members.revokeQuestion', { name, b: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="revoke-buttons">
        <button type="button" className="button-danger" disabled={busy} onClick={onRevoke}>
          {t('members.revokeAccess')}
        </button>
        <button type="button" className="button-quiet" autoFocus onClick={onCancel}>
          {t('members.cancel')}
        </button>
      </div>
    </div>
  )
}
