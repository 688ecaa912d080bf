/** How the contributors panel words sizes, times and who someone is (pure). */
import { dateAndTime, dateOnly, readerZone, timeOnly } from '../app/dates.ts'
import type { Author } from '../api/members.ts'

/** Bytes in SI units: "512 B", "1.2 kB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB']
  let value = bytes
  let unit = 'B'
  for (const next of units) {
    if (value < 1000) break
    value /= 1000
    unit = next
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`
}

/** A time: just the clock for today, with the date otherwise. */
export function formatWhen(at: number, now: number, timeZone?: string): string {
  const zone = timeZone ?? readerZone()
  return dateOnly(at, zone) === dateOnly(now, zone) ? timeOnly(at, zone) : dateAndTime(at, zone)
}

export function countUpdates(updates: number): string {
  return `${updates} ${updates === 1 ? 'update' : 'updates'}`
}

/** "Amina Odhiambo (Kenya)", or the name alone. */
export function authorName(author: Pick<Author, 'name' | 'delegation'>): string {
  return author.delegation ? `${author.name} (${author.delegation})` : author.name
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
