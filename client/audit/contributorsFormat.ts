/** How the contributors panel words sizes, times and who someone is (pure). */
import { dateAndTime, dateOnly, readerZone, timeOnly } from '../app/dates.ts'
import type { Author } from '../api/members.ts'
import { formatNumber, t } from '../i18n/i18n.ts'


/** The message for a size in each SI unit, from bytes up. */
const unitMessages = ['audit.sizeBytes', 'audit.sizeKilobytes', 'audit.sizeMegabytes', 'audit.sizeGigabytes'] as const

/** Bytes in SI units, in the language's numbers: "512 B", "1.2 kB", "3.4 MB" ("1,2 ko" in French). */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < unitMessages.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit > 0 && value < 10 ? 1 : 0
  const size = formatNumber(unit > 0 && value >= 10 ? Math.round(value) : value, { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return t(unitMessages[unit]!, { size })
}

/** A time: just the clock for today, with the date otherwise. */
export function formatWhen(at: number, now: number, timeZone?: string): string {
  const zone = timeZone ?? readerZone()
  return dateOnly(at, zone) === dateOnly(now, zone) ? timeOnly(at, zone) : dateAndTime(at, zone)
}

/** "4 updates, 1.2 kB": how much a spell of work sent. */
export function spellSummary(updates: number, bytes: number): string {
  return t('audit.spellSummary', { count: updates, size: formatBytes(bytes) })
}

export interface RecentSpell {
  author: Author
  /** The oldest and newest change of the spell. */
  from: number
  to: number
  updates: number
  bytes: number
}

/**
 * Recent changes (newest first) as spells of work: consecutive changes by the same member, each within `gapMs` of the
 * next, read as one line rather than one per keystroke batch.
 */
export function recentSpells(recent: readonly { author: Author; at: number; updates: number; bytes: number }[], gapMs = 5 * 60_000): RecentSpell[] {
  const spells: RecentSpell[] = []
  for (const entry of recent) {
    const last = spells.at(-1)
    if (last && last.author.id === entry.author.id && last.from - entry.at <= gapMs) {
      last.from = Math.min(last.from, entry.at)
      last.updates += entry.updates
      last.bytes += entry.bytes
    } else {
      spells.push({ author: entry.author, from: entry.at, to: entry.at, updates: entry.updates, bytes: entry.bytes })
    }
  }
  return spells
}
