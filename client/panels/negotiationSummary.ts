/** "2 bracketed passages, 1 block of alternatives": what is still under negotiation, or null when nothing is. */
import type { DraftValidation } from '../../shared/schema/validateDraft.ts'

export function negotiationSummary({ brackets, alternatives }: DraftValidation['negotiation']): string | null {
  const parts: string[] = []
  if (brackets > 0) parts.push(`${brackets} bracketed ${brackets === 1 ? 'passage' : 'passages'}`)
  if (alternatives > 0) parts.push(`${alternatives} ${alternatives === 1 ? 'block' : 'blocks'} of alternatives`)
  return parts.length > 0 ? parts.join(', ') : null
}
