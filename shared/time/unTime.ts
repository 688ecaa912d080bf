/** Times as UN documents write them ("29 November 2026, 10:00 New York time"), and New York wall-clock times read back (pure, Intl). */

export const newYorkZone = 'America/New_York'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall clock in `timeZone` at the instant `ms`. Throws RangeError for a zone Intl does not know. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

const two = (value: number) => String(value).padStart(2, '0')

/** "29 November 2026, 10:00" in `timeZone` (24-hour clock; seconds shown only when not zero). */
export function formatWallClock(ms: number, timeZone: string): string {
  const t = wallClock(ms, timeZone)
  const time = `${two(t.hour)}:${two(t.minute)}${t.second === 0 ? '' : `:${two(t.second)}`}`
  return `${t.day} ${months[t.month - 1]} ${t.year}, ${time}`
}

/** "29 November 2026" in `timeZone`. */
export function formatDay(ms: number, timeZone: string): string {
  const t = wallClock(ms, timeZone)
  return `${t.day} ${months[t.month - 1]} ${t.year}`
}

/** "10:05" in `timeZone` (24-hour clock). */
export function formatClock(ms: number, timeZone: string): string {
  const t = wallClock(ms, timeZone)
  return `${two(t.hour)}:${two(t.minute)}`
}

/** "29 November 2026, 10:05" in `timeZone`: how the interface states when something happened (24-hour clock, no seconds). */
export function formatDayAndClock(ms: number, timeZone: string): string {
  return `${formatDay(ms, timeZone)}, ${formatClock(ms, timeZone)}`
}

/** "29 November 2026, 10:00 New York time": how every deadline is stated. */
export function formatNewYork(ms: number): string {
  return `${formatWallClock(ms, newYorkZone)} New York time`
}

/** "29 November 2026" in New York: the date a decision is recorded on. */
export function formatNewYorkDate(ms: number): string {
  return formatDay(ms, newYorkZone)
}

/** "29 November 2026, 16:00 (Europe/Paris)": the same instant on the reader's own clock. */
export function formatInZone(ms: number, timeZone: string): string {
  return `${formatWallClock(ms, timeZone)} (${timeZone.replaceAll('_', ' ')})`
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant a wall-clock time (`2026-11-29T10:00` or with seconds) names in `timeZone`, or null when it is malformed
 * or does not exist there (the hour skipped when clocks go forward). In the hour that repeats when clocks go back, the
 * first (daylight-saving) instant.
 */
export function instantOfWallClock(local: string, timeZone: string = newYorkZone): number | null {
  const match = localPattern.exec(local)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  // The zone's offset is at most a day: try the offsets in force a day either side and keep the earliest that fits.
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((shift) => offsetAt(asUtc + shift, timeZone)))
  const fits = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((instant) => {
      const t = wallClock(instant, timeZone)
      return t.year === year && t.month === month && t.day === day && t.hour === hour && t.minute === minute && t.second === second
    })
    .sort((a, b) => a - b)
  return fits[0] ?? null
}

/** The zone's offset from UTC at `ms`, in milliseconds (New York in winter: -5 h). */
function offsetAt(ms: number, timeZone: string): number {
  const t = wallClock(ms, timeZone)
  const whole = ms - (ms % 1000)
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - whole
}

/** `2026-11-29T10:00` for a datetime-local input: the New York wall clock at `ms`. */
export function wallClockInput(ms: number, timeZone: string = newYorkZone): string {
  const t = wallClock(ms, timeZone)
  return `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}`
}
