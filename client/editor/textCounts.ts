/** Word and character counts of a text, as a word processor gives them. */

export interface TextCounts {
  words: number
  /** Characters, spaces included; line and paragraph breaks are not counted. */
  characters: number
}

const lineBreaks = /[\n\r]/g
const wordCharacter = /[\p{L}\p{N}]/u

/** A word is a run of characters between spaces that holds at least one letter or digit ("—" alone is not a word). */
export function countText(text: string): TextCounts {
  let words = 0
  for (const token of text.split(/\s+/)) if (wordCharacter.test(token)) words += 1
  return { words, characters: [...text.replace(lineBreaks, '')].length }
}
