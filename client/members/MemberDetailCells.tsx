/** The cells both members tables show after the name: role, delegation or group, regional group. */
import { regionalGroupLabels } from '../../shared/schema/member.ts'
import type { MemberRecord } from '../api/members.ts'
import { roleLabels } from '../app/roleLabels.ts'

export function MemberDetailCells({ member }: { member: MemberRecord }) {
  return (
    <>
      <td>{roleLabels[member.role]}</td>
      <td>{member.delegation ?? '—'}</td>
      <td>{member.regionalGroup ? regionalGroupLabels[member.regionalGroup] : '—'}</td>
    </>
  )
}
