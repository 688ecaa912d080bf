/** Deadlines as the interface shows them: New York time and the reader's own, and how long is left by the server's clock. */
import { intlLocales } from '../../shared/i18n/languages.ts'
import { formatWallClock, instantOfWallClock, newYorkZone } from '../../shared/time/unTime.ts'
import { dateOnly, inZone, newYorkTime } from '../app/dates.ts'
import { currentLanguage, t } from '../i18n/i18n.ts'

export { readerZone } from '../app/dates.ts'

const secondsFormatters = new Map<string, Intl.DateTimeFormat>()

/** "29 November 2026, 10:00:30": a deadline set to the second keeps its seconds (the server's clock decides by them). */
function withSeconds(ms: number, timeZone: string): string {
  const language = currentLanguage()
  if (language === 'en') return formatWallClock(ms, timeZone)
  const key = `${language}|${timeZone}`
  let formatter = secondsFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocales[language], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone })
    secondsFormatters.set(key, formatter)
  }
  return formatter.format(ms)
}

const onTheMinute = (ms: number) => ms % 60_000 === 0

/** "29 November 2026, 10:00 New York time": how a deadline is stated (with its seconds when it has any). */
export function deadlineTime(ms: number): string {
  return onTheMinute(ms) ? newYorkTime(ms) : t('dates.newYorkTime', { dateTime: withSeconds(ms, newYorkZone) })
}

/** "29 November 2026": the day in New York a decision is recorded on. */
export function deadlineDay(ms: number): string {
  return dateOnly(ms, newYorkZone)
}

/** "29 November 2026, 10:00 New York time", then "29 November 2026, 16:00 (Europe/Paris) your time" unless the reader is in New York. */
export function bothTimes(ms: number, zone: string): { newYork: string; own: string | null } {
  if (zone === newYorkZone) return { newYork: deadlineTime(ms), own: null }
  const own = onTheMinute(ms) ? inZone(ms, zone) : t('dates.inZone', { dateTime: withSeconds(ms, zone), zone: zone.replaceAll('_', ' ') })
  return { newYork: deadlineTime(ms), own: t('stage.yourTime', { time: own }) }
}

/** "3 days 4 hours", "52 minutes", "40 seconds": what is left until `deadline`, by the server's clock. */
export function timeLeft(deadline: number, serverNow: number): string {
  const seconds = Math.max(0, Math.floor((deadline - serverNow) / 1000))
  if (seconds < 60) return t('stage.seconds', { count: seconds })
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return t('stage.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? t('stage.hoursMinutes', { hours, minutes: minutes % 60 }) : t('stage.hours', { count: hours })
  const days = Math.floor(hours / 24)
  return hours % 24 ? t('stage.daysHours', { days, hours: hours % 24 }) : t('stage.days', { count: days })
}

export type DeadlineInput = { ok: true; deadline: number; iso: string } | { ok: false; message: string }

/**
 * A deadline typed as a New York wall-clock time (`2026-11-29T10:00`), checked against the server's clock (`serverNow`):
 * the instant, or what is wrong with it. The server checks again; this only spares a round trip.
 */
export function readDeadline(local: string, serverNow: number): DeadlineInput {
  if (local.trim() === '') return { ok: false, message: t('stage.deadlineMissing') }
  const deadline = instantOfWallClock(local)
  if (deadline === null) return { ok: false, message: t('stage.deadlineNotInNewYork') }
  if (deadline <= serverNow) return { ok: false, message: t('stage.deadlinePast', { now: deadlineTime(serverNow - (serverNow % 1000)) }) }
  return { ok: true, deadline, iso: new Date(deadline).toISOString() }
}
