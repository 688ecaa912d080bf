/** What a flag on a framework element means, in words: why it is unverified, what "retired" or "not agreed" implies. */
import type { FrameworkElement } from '../../shared/framework/element.ts'
import type { RefStatus } from '../../shared/framework/lookup.ts'

export interface ElementFlag {
  key: 'unverified' | 'not-agreed' | 'related-note' | 'tool' | 'retired' | 'unknown'
  text: string
  /** Shown on hover and keyboard focus, and read as the flag's description. */
  explanation: string
}

/** Why the element is marked unverified: what was and was not confirmed, from its note. */
export function unverifiedExplanation(element: FrameworkElement): string {
  const what = element.substanceConfirmed
    ? 'Unverified: the substance is confirmed, but the source reference could not be checked against the UN document.'
    : 'Unverified: the wording or numbering could not be checked against the UN document.'
  return element.note ? `${what} ${element.note}` : what
}

/** The flags to show for a linked or offered element, in reading order. */
export function elementFlags(element: FrameworkElement | undefined, status: RefStatus): ElementFlag[] {
  if (!element || status === 'unknown') {
    return [{ key: 'unknown', text: 'not in the catalogue', explanation: 'No element of the framework catalogue has this id; link another element.' }]
  }
  const flags: ElementFlag[] = []
  if (status === 'retired') {
    flags.push({ key: 'retired', text: 'retired', explanation: 'The secretariat has retired this element from the catalogue; existing links keep it, new ones cannot be made.' })
  }
  if (element.agreed === false) {
    flags.push({ key: 'not-agreed', text: 'not agreed', explanation: 'A draft, not agreed text.' })
  }
  if (element.kind === 'related-note') {
    flags.push({ key: 'related-note', text: 'related note', explanation: 'An analytical note shown beside the agreed elements, never an agreed rule.' })
  }
  if (element.kind === 'mechanism-tool') {
    flags.push({ key: 'tool', text: 'Global Mechanism tool', explanation: 'A standing tool or process of the Global Mechanism, not an element of the framework itself.' })
  }
  if (!element.verified) flags.push({ key: 'unverified', text: 'unverified', explanation: unverifiedExplanation(element) })
  return flags
}
