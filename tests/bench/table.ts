/** The results table: one row per figure, ours against the reference, and plain-text layout. */

export interface Row {
  metric: string
  ours: string
  reference: string
  /** ours / reference, where that means something. */
  ratio: string
  target: string
  /** 'yes', 'NO', or '' when the row has no target. */
  met: string
}

const columns: Array<[keyof Row, string]> = [
  ['metric', 'metric'],
  ['ours', 'ours'],
  ['reference', 'reference'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['met', 'met?'],
]

export function formatTable(rows: Row[]): string {
  const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((row) => row[key].length)))
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ').trimEnd()
  return [line(columns.map(([, title]) => title)), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map((row) => line(columns.map(([key]) => row[key])))].join('\n')
}

export const met = (ok: boolean | null): string => (ok === null ? '' : ok ? 'yes' : 'NO')

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)
}

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

export function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1)
}

export function ratio(ours: number, reference: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return 'n/a'
  return `${(ours / reference).toFixed(2)}x`
}
