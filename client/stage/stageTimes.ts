/** Deadlines as the interface shows them (pure): New York time and the reader's own, and how long is left by the server's clock. */
import { formatInZone, formatNewYork, instantOfWallClock, newYorkZone } from '../../shared/time/unTime.ts'

export { readerZone } from '../app/dates.ts'

/** "29 November 2026, 10:00 New York time", then "(29 November 2026, 16:00 (Europe/Paris) your time)" unless the reader is in New York. */
export function bothTimes(ms: number, zone: string): { newYork: string; own: string | null } {
  return { newYork: formatNewYork(ms), own: zone === newYorkZone ? null : `${formatInZone(ms, zone)} your time` }
}

/** "3 days 4 hours", "52 minutes", "40 seconds": what is left until `deadline`, by the server's clock. */
export function timeLeft(deadline: number, serverNow: number): string {
  const seconds = Math.max(0, Math.floor((deadline - serverNow) / 1000))
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (seconds < 60) return plural(seconds, 'second')
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return [plural(hours, 'hour'), minutes % 60 ? plural(minutes % 60, 'minute') : ''].filter(Boolean).join(' ')
  const days = Math.floor(hours / 24)
  return [plural(days, 'day'), hours % 24 ? plural(hours % 24, 'hour') : ''].filter(Boolean).join(' ')
}

export type DeadlineInput = { ok: true; deadline: number; iso: string } | { ok: false; message: string }

/**
 * A deadline typed as a New York wall-clock time (`2026-11-29T10:00`), checked against the server's clock (`serverNow`):
 * the instant, or what is wrong with it. The server checks again; this only spares a round trip.
 */
export function readDeadline(local: string, serverNow: number): DeadlineInput {
  if (local.trim() === '') return { ok: false, message: 'Give the date and time the period ends, in New York time.' }
  const deadline = instantOfWallClock(local)
  if (deadline === null) return { ok: false, message: 'That time does not exist in New York (the hour the clocks go forward), or is not a date and time.' }
  if (deadline <= serverNow) return { ok: false, message: `That is not in the future by the server's clock (now ${formatNewYork(serverNow - (serverNow % 1000))}).` }
  return { ok: true, deadline, iso: new Date(deadline).toISOString() }
}
