/** The workspace's name as it heads every page. */
import { t } from '../i18n/i18n.ts'

export function Brand({ href }: { href?: string }) {
  const content = (
    <>
      <span className="app-emblem" aria-hidden="true">
        ◎
      </span>
      {t('app.brandTitle')}
      <span className="app-subtitle">{t('app.name')}</span>
    </>
  )
  return href ? (
    <a className="app-title" href={href}>
      {content}
    </a>
  ) : (
    <span className="app-title">{content}</span>
  )
}
