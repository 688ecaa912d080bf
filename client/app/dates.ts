/**
 * How the interface states dates and times: one form everywhere, as UN documents write them ("29 November 2026, 10:05",
 * 24-hour clock), on the reader's own clock. Deadlines add New York time (shared/time/unTime.ts).
 */
import { formatClock, formatDay, formatDayAndClock } from '../../shared/time/unTime.ts'

/** The reader's time zone, as the browser reports it. */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

const valid = (ms: number) => Number.isFinite(ms)

/** "29 November 2026, 10:05" on the reader's clock; '' for an invalid time. */
export function dateAndTime(ms: number, timeZone: string = readerZone()): string {
  return valid(ms) ? formatDayAndClock(ms, timeZone) : ''
}

/** "29 November 2026" on the reader's clock; '' for an invalid time. */
export function dateOnly(ms: number, timeZone: string = readerZone()): string {
  return valid(ms) ? formatDay(ms, timeZone) : ''
}

/** "10:05" on the reader's clock; '' for an invalid time. */
export function timeOnly(ms: number, timeZone: string = readerZone()): string {
  return valid(ms) ? formatClock(ms, timeZone) : ''
}
