/** "paragraph 12", "recommendation R4": how a block of a revision is named in messages and records. */
export function blockName(number: string): string {
  return number.startsWith('R') ? `recommendation ${number}` : `paragraph ${number}`
}
