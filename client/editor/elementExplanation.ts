/** What a flag on a framework element means, in words: why it is unverified, what "retired" or "not agreed" implies. */
import type { FrameworkElement } from '../../shared/framework/element.ts'
import type { RefStatus } from '../../shared/framework/lookup.ts'
import { t } from '../i18n/i18n.ts'

export interface ElementFlag {
  key: 'unverified' | 'not-agreed' | 'related-note' | 'tool' | 'retired' | 'unknown'
  text: string
  /** Shown on hover and keyboard focus, and read as the flag's description. */
  explanation: string
  /** The catalogue's own note that follows the explanation, as the catalogue writes it (never translated). */
  note?: string
}

/** The explanation and its note as one text (a description read out with the flag). */
export function flagDescription(flag: ElementFlag): string {
  return flag.note ? t('editor.explanationWithNote', { explanation: flag.explanation, note: flag.note }) : flag.explanation
}

function unverifiedFlag(element: FrameworkElement): ElementFlag {
  const explanation = element.substanceConfirmed ? t('editor.unverifiedSubstanceConfirmed') : t('editor.unverifiedWording')
  return { key: 'unverified', text: t('editor.flagUnverified'), explanation, ...(element.note ? { note: element.note } : {}) }
}

/** Why the element is marked unverified: what was and was not confirmed, then its note. */
export function unverifiedExplanation(element: FrameworkElement): string {
  return flagDescription(unverifiedFlag(element))
}

/** The flags to show for a linked or offered element, in reading order. */
export function elementFlags(element: FrameworkElement | undefined, status: RefStatus): ElementFlag[] {
  if (!element || status === 'unknown') {
    return [{ key: 'unknown', text: t('editor.flagUnknown'), explanation: t('editor.flagUnknownExplanation') }]
  }
  const flags: ElementFlag[] = []
  if (status === 'retired') flags.push({ key: 'retired', text: t('editor.flagRetired'), explanation: t('editor.flagRetiredExplanation') })
  if (element.agreed === false) flags.push({ key: 'not-agreed', text: t('editor.flagNotAgreed'), explanation: t('editor.flagNotAgreedExplanation') })
  if (element.kind === 'related-note') flags.push({ key: 'related-note', text: t('editor.flagRelatedNote'), explanation: t('editor.flagRelatedNoteExplanation') })
  if (element.kind === 'mechanism-tool') flags.push({ key: 'tool', text: t('editor.flagTool'), explanation: t('editor.flagToolExplanation') })
  if (!element.verified) flags.push(unverifiedFlag(element))
  return flags
}
