/** The revoked members, apart and struck through: what they wrote stays. */
import type { MemberRecord } from '../api/members.ts'
import { formatMemberDate } from './memberDate.ts'
import { MemberDetailCells, MemberDetailHeadings } from './MemberDetailCells.tsx'

export function RevokedMembersTable({ members }: { members: MemberRecord[] }) {
  return (
    <>
      <h2 id="revoked-heading">Revoked members</h2>
      <p className="hint">They can no longer sign in or connect; what they wrote stays in the documents and their history.</p>
      <table className="members-table members-revoked" aria-labelledby="revoked-heading">
        <thead>
          <tr>
            <MemberDetailHeadings />
            <th scope="col">Member since</th>
            <th scope="col">Revoked</th>
          </tr>
        </thead>
        <tbody>
          {members.map((entry) => (
            <tr key={entry.id} className="member-row is-revoked" data-member-id={entry.id}>
              <th scope="row">
                <s>{entry.name}</s>
              </th>
              <MemberDetailCells member={entry} />
              <td>{formatMemberDate(entry.createdAt)}</td>
              <td>{entry.revokedAt !== null ? formatMemberDate(entry.revokedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
