/** The workspace page's note on its DTG: the mandate as agreed, the policy paper's proposal for the year marked as such, the cycle's meetings. */
import { formatList, t, tx } from '../i18n/i18n.ts'
import { dtgContext } from './dtgContext.ts'

export function DtgContextSection({ dtg, year }: { dtg: number; year: number }) {
  const context = dtgContext(dtg, year)
  if (!context) return null
  const source = (text: string) => <span className="source">({text})</span>
  return (
    <section className="dtg-context" aria-labelledby="dtg-context-heading">
      <h2 id="dtg-context-heading">{t('pages.aboutDtg', { dtg })}</h2>
      <p>
        {tx('pages.mandate', { b: (chunks) => <strong>{chunks}</strong>, mandate: context.mandate })} {source(context.mandateSource)}
      </p>
      {context.proposal && (
        <p className="dtg-proposal" data-testid="dtg-proposal">
          <span className="flag flag-not-agreed">{t('pages.proposalNotAgreed')}</span> {context.proposal.text} {source(context.proposal.source)}
        </p>
      )}
      <p>
        {t('pages.cycleYear', { cycleYear: context.cycleYear })}
        {context.meetings.length > 0 && <> {t('pages.yearMeetings', { year: String(year), meetings: formatList(context.meetings) })}</>} {source(context.cycleSource)}
      </p>
    </section>
  )
}
