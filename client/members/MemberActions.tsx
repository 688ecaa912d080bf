/** A current member's buttons: Edit (opens the inline form), New invite link, Revoke (not oneself). */
import type { Ref } from 'react'
import type { MemberRecord } from '../api/members.ts'

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
      <button type="button" className="button-quiet" ref={editButton} aria-expanded={open === 'edit'} onClick={onToggleEdit}>
        Edit<span className="visually-hidden"> {member.name}</span>
      </button>
      <button type="button" className="button-quiet" disabled={busy} onClick={onNewLink}>
        New invite link<span className="visually-hidden"> for {member.name}</span>
      </button>
      {!isSelf && (
        <button type="button" className="button-danger-quiet" disabled={busy} aria-expanded={open === 'revoke'} onClick={onToggleRevoke}>
          Revoke<span className="visually-hidden"> {member.name}</span>
        </button>
      )}
    </td>
  )
}
