/** The revoked members, apart and struck through: what they wrote stays. */
import type { MemberRecord } from '../api/members.ts'
import { t } from '../i18n/i18n.ts'
import { formatMemberDate } from './memberDate.ts'
import { MemberDetailCells, MemberDetailHeadings } from './MemberDetailCells.tsx'

export function RevokedMembersTable({ members }: { members: MemberRecord[] }) {
  return (
    <>
      <h2 id="revoked-heading">{t('members.revokedMembers')}</h2>
      <p className="hint">{t('members.revokedHint')}</p>
      <div className="table-scroll">
        <table className="members-table members-revoked" aria-labelledby="revoked-heading">
          <thead>
            <tr>
              <MemberDetailHeadings />
              <th scope="col">{t('members.columnMemberSince')}</th>
              <th scope="col">{t('members.columnRevoked')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((entry) => (
              <tr key={entry.id} className="member-row is-revoked" data-member-id={entry.id}>
                <th scope="row">
                  <s translate="no" dir="auto">
                    {entry.name}
                  </s>
                </th>
                <MemberDetailCells member={entry} />
                <td>{formatMemberDate(entry.createdAt)}</td>
                <td>{entry.revokedAt !== null ? formatMemberDate(entry.revokedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
