/** The cells (and their headings) both members tables show for a member: name heading, role, delegation or group, regional group. */
import type { MemberRecord } from '../api/members.ts'
import { t } from '../i18n/i18n.ts'
import { regionalGroupLabel } from '../app/regionalGroupLabels.ts'
import { roleLabel } from '../app/roleLabels.ts'

export function MemberDetailCells({ member }: { member: MemberRecord }) {
  return (
    <>
      <td>{roleLabel(member.role)}</td>
      <td translate="no" dir="auto">
        {member.delegation ?? '—'}
      </td>
      <td>{member.regionalGroup ? regionalGroupLabel(member.regionalGroup) : '—'}</td>
    </>
  )
}

/** The column headings of the name and of MemberDetailCells, as both tables open. */
export function MemberDetailHeadings() {
  return (
    <>
      <th scope="col">{t('members.name')}</th>
      <th scope="col">{t('members.role')}</th>
      <th scope="col">{t('members.delegationOrGroup')}</th>
      <th scope="col">{t('members.regionalGroup')}</th>
    </>
  )
}
