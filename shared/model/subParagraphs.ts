/**
 * Sub-paragraph labels as UN texts use them: "12. ... (a) ...; (b) ..." and, inside those, (i), (ii), (iii). The editor's
 * stylesheet letters nested ordered lists with the same counter styles (lower-alpha, lower-roman), so that the
 * screen and every export agree.
 */

/** 0 -> "a", 25 -> "z", 26 -> "aa", as CSS lower-alpha counts. */
export function alphaLabel(index: number): string {
  let n = index + 1
  let label = ''
  while (n > 0) {
    n -= 1
    label = String.fromCharCode(97 + (n % 26)) + label
    n = Math.floor(n / 26)
  }
  return label
}

const romanDigits: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
]

/** 0 -> "i", 3 -> "iv", 8 -> "ix", as CSS lower-roman counts (up to 3999). */
export function romanLabel(index: number): string {
  let n = index + 1
  let label = ''
  for (const [value, digits] of romanDigits) {
    while (n >= value) {
      label += digits
      n -= value
    }
  }
  return label
}

/** The label of the item at `index` (from 0) of a sub-paragraph list at `level` (1 for the lists directly in a numbered paragraph). */
export function subParagraphLabel(level: number, index: number): string {
  return `(${level % 2 === 0 ? romanLabel(index) : alphaLabel(index)})`
}
