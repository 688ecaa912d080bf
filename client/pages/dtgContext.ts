/**
 * What the workspace page says about its DTG, in the language in use: the agreed mandate, the policy paper's proposal
 * for the year (never as agreed), the cycle and its meetings. The wording follows shared/framework (A/80/257 annex I).
 */
import { cycleYearOf, globalMechanismCycle, meetingDates, type CycleMeeting } from '../../shared/framework/cycle.ts'
import { findDtg, proposedFocusFor } from '../../shared/framework/dtgs.ts'
import { currentLanguage, intlLocale, markPseudo, t } from '../i18n/i18n.ts'

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

const mandateIds: Record<number, string> = { 1: 'pages.mandateDtg1', 2: 'pages.mandateDtg2' }

/** The proposed focus of each DTG by the cycle years the paper gives (shared/framework/dtgs.ts). */
const focusIds: Record<string, string> = {
  '1:1-2': 'pages.focusDtg1Years1To2',
  '1:3-4': 'pages.focusDtg1Years3To4',
  '2:1': 'pages.focusDtg2Year1',
  '2:2': 'pages.focusDtg2Year2',
  '2:3': 'pages.focusDtg2Year3',
  '2:4': 'pages.focusDtg2Year4',
}

const meetingIds: Record<string, string> = {
  'organizational session': 'pages.meetingOrganizationalSession',
  'first substantive plenary': 'pages.meetingFirstSubstantivePlenary',
  'DTG meetings': 'pages.meetingDtgMeetings',
}

const asUtc = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`)

/** "7-11 December 2026" in English as UN documents write it; in the other languages in their own conventions. */
function datesOf(meeting: CycleMeeting): string {
  if (currentLanguage() === 'en') return markPseudo(meetingDates(meeting))
  const format = new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return markPseudo(format.formatRange(asUtc(meeting.start), asUtc(meeting.end)))
}

const translated = (id: string | undefined, english: string) => (id ? t(id) : english)

export function dtgContext(dtgNumber: number, year: number): DtgContext | null {
  const dtg = findDtg(dtgNumber)
  if (!dtg) return null
  const cycleYear = cycleYearOf(year)
  const focus = proposedFocusFor(dtgNumber, cycleYear)
  return {
    mandate: translated(mandateIds[dtg.number], dtg.mandate),
    mandateSource: t('pages.mandateSource'),
    cycleYear,
    proposal: focus
      ? {
          text: t('pages.proposedFocus', { cycleYear, focus: translated(focusIds[`${dtg.number}:${focus.years}`], focus.focus) }),
          source: t('pages.policyPaperSource'),
        }
      : null,
    meetings:
      year === globalMechanismCycle.firstYear
        ? globalMechanismCycle.meetings2026.map((meeting) => t('pages.meetingWithDates', { meeting: translated(meetingIds[meeting.name], meeting.name), dates: datesOf(meeting) }))
        : [],
    cycleSource: t('pages.cycleSource'),
  }
}
