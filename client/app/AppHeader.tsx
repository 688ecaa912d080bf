/** The banner on every signed-in page: the workspace's name, who is signed in, sign-out. */
import type { Ref } from 'react'
import type { SignedInMember } from '../api/types.ts'
import { Brand } from './Brand.tsx'
import { memberLine } from './memberLine.ts'
import { routeHref } from './route.ts'
import { mainContentId, skipToContent } from './skipToContent.ts'
import { useRoute } from './useRoute.ts'

export function AppHeader({ member, onSignOut, signOutRef }: { member: SignedInMember; onSignOut: () => void; signOutRef?: Ref<HTMLButtonElement> }) {
  const route = useRoute()
  return (
    <header className="app-header" role="banner">
      <a
        className="skip-link"
        href={`#${mainContentId}`}
        onClick={(event) => {
          event.preventDefault()
          skipToContent()
        }}
      >
        Skip to content
      </a>
      <Brand href="#/" />
      <nav className="app-nav" aria-label="Reference">
        <a href={routeHref({ page: 'catalogue' })} aria-current={route.page === 'catalogue' ? 'page' : undefined}>
          Framework catalogue
        </a>
      </nav>
      {member.permissions.manageMembers && (
        <nav className="app-nav" aria-label="Administration">
          <a href={routeHref({ page: 'members' })} aria-current={route.page === 'members' ? 'page' : undefined}>
            Members
          </a>
        </nav>
      )}
      <div className="signed-in" aria-label="Signed in as">
        <span className="member-name">{member.name}</span>
        {memberLine(member) && <span className="member-role">{memberLine(member)}</span>}
        <button type="button" className="button-quiet" ref={signOutRef} onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  )
}
