/** What the workspace page says about its DTG: the agreed mandate, the policy paper's proposal for the year (never as agreed), the cycle and its meetings. */
import { cycleYearOf, globalMechanismCycle, meetingDates } from '../../shared/framework/cycle.ts'
import { findDtg, proposedFocusFor } from '../../shared/framework/dtgs.ts'

export interface DtgContext {
  mandate: string
  mandateSource: string
  cycleYear: number
  /** The policy paper's proposal for this year, worded as a proposal; null where it makes none. */
  proposal: { text: string; source: string } | null
  /** The year's meetings with their dates, where known. */
  meetings: string[]
  cycleSource: string
}

export function dtgContext(dtgNumber: number, year: number): DtgContext | null {
  const dtg = findDtg(dtgNumber)
  if (!dtg) return null
  const cycleYear = cycleYearOf(year)
  const focus = proposedFocusFor(dtgNumber, cycleYear)
  return {
    mandate: dtg.mandate,
    mandateSource: dtg.source,
    cycleYear,
    proposal: focus
      ? {
          text: `A policy paper proposes, for cycle year ${cycleYear}: ${focus.focus}. This is a proposal, not agreed; the group decides its own work.`,
          source: dtg.proposedFocus.source,
        }
      : null,
    meetings: year === globalMechanismCycle.firstYear ? globalMechanismCycle.meetings2026.map((meeting) => `${meeting.name}: ${meetingDates(meeting)}`) : [],
    cycleSource: globalMechanismCycle.source,
  }
}
