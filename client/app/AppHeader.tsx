/** The banner on every signed-in page: the workspace's name, who is signed in, sign-out. */
import type { SignedInMember } from '../api/types.ts'
import { Brand } from './Brand.tsx'
import { roleLabels } from './permissions.ts'

export function AppHeader({ member, onSignOut }: { member: SignedInMember; onSignOut: () => void }) {
  return (
    <header className="app-header" role="banner">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Brand href="#/" />
      <div className="signed-in" aria-label="Signed in as">
        <span className="member-name">{member.name}</span>
        <span className="member-role">
          {roleLabels[member.role]}
          {member.delegation ? `, ${member.delegation}` : ''}
        </span>
        <button type="button" className="button-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  )
}
