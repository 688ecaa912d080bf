/** How the contributors panel words sizes, times and who someone is (pure). */
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
  const day = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone })
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone })
  return day.format(at) === day.format(now) ? clock.format(at) : `${day.format(at)}, ${clock.format(at)}`
}

export function countUpdates(updates: number): string {
  return `${updates} ${updates === 1 ? 'update' : 'updates'}`
}

/** "Amina Odhiambo (Kenya)", or the name alone. */
export function authorName(author: Pick<Author, 'name' | 'delegation'>): string {
  return author.delegation ? `${author.name} (${author.delegation})` : author.name
}
