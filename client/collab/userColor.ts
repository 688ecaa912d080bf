/** A caret colour per member, stable across sessions, dark enough for white label text. */

const palette = ['#1f6fb2', '#b8480f', '#2e7d32', '#8e24aa', '#c62828', '#00796b', '#5d4037', '#3949ab', '#ad1457', '#6d6d00']

export function userColor(memberId: number | string): string {
  const key = String(memberId)
  let hash = 0
  for (let index = 0; index < key.length; index++) hash = (hash * 31 + key.charCodeAt(index)) >>> 0
  return palette[hash % palette.length]
}
