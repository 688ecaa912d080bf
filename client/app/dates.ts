/**
 * How the interface states dates and times: one form everywhere, in the reader's language, on the reader's own clock,
 * 24-hour. In English as UN documents write them ("29 November 2026, 10:05"); in the other five languages in their own
 * conventions ("29 novembre 2026 à 10:05", "2026年11月29日 10:05"). Deadlines add New York time (shared/time/unTime.ts).
 */
import { intlLocales, type Language } from '../../shared/i18n/languages.ts'
import { formatClock, formatDay, formatDayAndClock, newYorkZone } from '../../shared/time/unTime.ts'
import { currentLanguage, markPseudo, t } from '../i18n/i18n.ts'

/** The reader's time zone, as the browser reports it. */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

const valid = (ms: number) => Number.isFinite(ms)

type Form = 'day' | 'clock' | 'dayAndClock'
const dayOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }
const clockOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
const optionsOf: Record<Form, Intl.DateTimeFormatOptions> = { day: dayOptions, clock: clockOptions, dayAndClock: { ...dayOptions, ...clockOptions } }

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatIn(language: Language, form: Form, ms: number, timeZone: string): string {
  if (language === 'en') {
    if (form === 'day') return formatDay(ms, timeZone)
    if (form === 'clock') return formatClock(ms, timeZone)
    return formatDayAndClock(ms, timeZone)
  }
  const key = `${language}|${form}|${timeZone}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(intlLocales[language], { ...optionsOf[form], timeZone })))
  return formatter.format(ms)
}

function format(form: Form, ms: number, timeZone: string): string {
  return valid(ms) ? markPseudo(formatIn(currentLanguage(), form, ms, timeZone)) : ''
}

/** "29 November 2026, 10:05" on the reader's clock; '' for an invalid time. */
export function dateAndTime(ms: number, timeZone: string = readerZone()): string {
  return format('dayAndClock', ms, timeZone)
}

/** "29 November 2026" on the reader's clock; '' for an invalid time. */
export function dateOnly(ms: number, timeZone: string = readerZone()): string {
  return format('day', ms, timeZone)
}

/** "10:05" on the reader's clock; '' for an invalid time. */
export function timeOnly(ms: number, timeZone: string = readerZone()): string {
  return format('clock', ms, timeZone)
}

/** "29 November 2026, 10:00 New York time": how every deadline is stated (seconds are not shown). */
export function newYorkTime(ms: number): string {
  return valid(ms) ? t('dates.newYorkTime', { dateTime: formatIn(currentLanguage(), 'dayAndClock', ms, newYorkZone) }) : ''
}

/** "29 November 2026, 16:00 (Europe/Paris)": the same instant on the reader's own clock, naming the zone. */
export function inZone(ms: number, timeZone: string): string {
  return valid(ms) ? t('dates.inZone', { dateTime: formatIn(currentLanguage(), 'dayAndClock', ms, timeZone), zone: timeZone.replaceAll('_', ' ') }) : ''
}
