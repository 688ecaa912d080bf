/** For visitors without a session: why the invite failed, or how to get one; the language switch, before anyone is known. */
import { errorMessage } from '../api/errorMessage.ts'
import { Brand } from '../app/Brand.tsx'
import type { InviteError } from '../app/startSession.ts'
import { t } from '../i18n/i18n.ts'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'

export function SignInPage({ inviteError, sessionEnded = false }: { inviteError: InviteError | null; sessionEnded?: boolean }) {
  return (
    <>
      <header className="app-header" role="banner">
        <Brand />
        <LanguageSwitch signedIn={false} />
      </header>
      <main className="page narrow sign-in" id="main">
        <h1>{t('app.name')}</h1>
        <p className="lede">{t('pages.signInMechanism')}</p>
        {inviteError ? (
          <div className="notice notice-error" role="alert">
            <h2>{t('pages.inviteCannotBeUsed')}</h2>
            <p>{errorMessage(inviteError.failure)}</p>
          </div>
        ) : sessionEnded ? (
          <div className="notice notice-error" role="alert" data-testid="session-ended">
            <h2>{t('pages.signedOutHeading')}</h2>
            <p>{t('pages.signedOutText')}</p>
          </div>
        ) : (
          <div className="notice" role="status">
            <h2>{t('pages.signInHeading')}</h2>
            <p>{t('pages.signInText')}</p>
          </div>
        )}
      </main>
    </>
  )
}
