/** "2 bracketed passages, 1 block of alternatives": what is still under negotiation, or null when nothing is. */
import type { DraftValidation } from '../../shared/schema/validateDraft.ts'
import { t } from '../i18n/i18n.ts'

export function negotiationSummary({ brackets, alternatives }: DraftValidation['negotiation']): string | null {
  if (brackets > 0 && alternatives > 0) return t('panels.bracketsAndAlternatives', { brackets, alternatives })
  if (brackets > 0) return t('panels.brackets', { count: brackets })
  if (alternatives > 0) return t('panels.alternatives', { count: alternatives })
  return null
}
