/** The banner on every signed-in page: the workspace's name, the language switch, who is signed in, sign-out. */
import type { Ref } from 'react'
import type { SignedInMember } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { Brand } from './Brand.tsx'
import { memberLine } from './memberLine.ts'
import { routeHref } from './route.ts'
import { mainContentId, skipToContent } from './skipToContent.ts'
import { useRoute } from './useRoute.ts'

export function AppHeader({ member, onSignOut, signOutRef }: { member: SignedInMember; onSignOut: () => void; signOutRef?: Ref<HTMLButtonElement> }) {
  const route = useRoute()
  const line = memberLine(member)
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
        {t('app.skipToContent')}
      </a>
      <Brand href="#/" />
      <nav className="app-nav" aria-label={t('app.navReference')}>
        <a href={routeHref({ page: 'catalogue' })} aria-current={route.page === 'catalogue' ? 'page' : undefined}>
          {t('app.navCatalogue')}
        </a>
      </nav>
      {member.permissions.manageMembers && (
        <nav className="app-nav" aria-label={t('app.navAdministration')}>
          <a href={routeHref({ page: 'members' })} aria-current={route.page === 'members' ? 'page' : undefined}>
            {t('app.navMembers')}
          </a>
        </nav>
      )}
      <LanguageSwitch signedIn />
      <div className="signed-in" aria-label={t('app.signedInAs')}>
        <span className="member-name" translate="no" dir="auto">{member.name}</span>
        {line && (
          // The delegation alone is a name, not interface text.
          <span className="member-role" {...(line === member.delegation ? { translate: 'no', dir: 'auto' } : {})}>
            {line}
          </span>
        )}
        <button type="button" className="button-quiet" ref={signOutRef} onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </div>
    </header>
  )
}
