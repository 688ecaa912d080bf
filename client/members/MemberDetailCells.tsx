/** The cells (and their headings) both members tables show for a member: name heading, role, delegation or group, regional group. */
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

/** The column headings of the name and of MemberDetailCells, as both tables open. */
export function MemberDetailHeadings() {
  return (
    <>
      <th scope="col">Name</th>
      <th scope="col">Role</th>
      <th scope="col">Delegation or group</th>
      <th scope="col">Regional group</th>
    </>
  )
}
