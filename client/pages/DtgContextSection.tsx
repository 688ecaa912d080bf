/** The workspace page's note on its DTG: the mandate as agreed, the policy paper's proposal for the year marked as such, the cycle's meetings. */
import { dtgContext } from './dtgContext.ts'

export function DtgContextSection({ dtg, year }: { dtg: number; year: number }) {
  const context = dtgContext(dtg, year)
  if (!context) return null
  return (
    <section className="dtg-context" aria-labelledby="dtg-context-heading">
      <h2 id="dtg-context-heading">About DTG {dtg}</h2>
      <p>
        <strong>Mandate</strong>: {context.mandate} <span className="source">({context.mandateSource})</span>
      </p>
      {context.proposal && (
        <p className="dtg-proposal" data-testid="dtg-proposal">
          <span className="flag flag-not-agreed">proposal, not agreed</span> {context.proposal.text} <span className="source">({context.proposal.source})</span>
        </p>
      )}
      <p>
        Cycle year {context.cycleYear} of 5: plenary sessions and informal DTG meetings in years 1-4, a review conference in year 5; the plenary alone decides, by consensus.
        {context.meetings.length > 0 && ` ${year}: ${context.meetings.join('; ')}.`} <span className="source">({context.cycleSource})</span>
      </p>
    </section>
  )
}
