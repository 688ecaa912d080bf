/** Shown for a hash the app does not know. */
import { t, tx } from '../i18n/i18n.ts'

export function NotFoundPage() {
  return (
    <section className="narrow">
      <h1>{t('pages.notFoundHeading')}</h1>
      <p>{tx('pages.notFoundText', { link: (chunks) => <a href="#/">{chunks}</a> })}</p>
    </section>
  )
}
