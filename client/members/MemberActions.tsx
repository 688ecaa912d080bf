/** A current member's buttons: Edit (opens the inline form), New invite link, Revoke (not oneself). */
import type { Ref } from 'react'
import type { MemberRecord } from '../api/members.ts'
import { t } from '../i18n/i18n.ts'

export type RowPanelKind = 'link' | 'revoke' | 'edit'

export interface MemberActionsProps {
  member: MemberRecord
  isSelf: boolean
  busy: boolean
  /** The panel open under this member's row, if any. */
  open: RowPanelKind | null
  editButton: Ref<HTMLButtonElement>
  onToggleEdit: () => void
  onNewLink: () => void
  onToggleRevoke: () => void
}

export function MemberActions({ member, isSelf, busy, open, editButton, onToggleEdit, onNewLink, onToggleRevoke }: MemberActionsProps) {
  return (
    <td className="member-actions">
      <button
        type="button"
        className="button-quiet"
        ref={editButton}
        aria-expanded={open === 'edit'}
        aria-label={t('members.editNamed', { name: member.name })}
        onClick={onToggleEdit}
      >
        {t('members.edit')}
      </button>
      <button type="button" className="button-quiet" disabled={busy} aria-label={t('members.newInviteLinkFor', { name: member.name })} onClick={onNewLink}>
        {t('members.newInviteLink')}
      </button>
      {!isSelf && (
        <button
          type="button"
          className="button-danger-quiet"
          disabled={busy}
          aria-expanded={open === 'revoke'}
          aria-label={t('members.revokeNamed', { name: member.name })}
          onClick={onToggleRevoke}
        >
          {t('members.revoke')}
        </button>
      )}
    </td>
  )
}
