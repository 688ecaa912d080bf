/**
 * How the interface names each paragraph status, in the language in use (shared/schema/blockStatus.ts keeps the English
 * names for the server's messages and the exports).
 */
import type { BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import { t } from '../i18n/i18n.ts'

const statusIds: Record<BlockStatusValue, string> = {
  open: 'blocks.statusOpen',
  negotiating: 'blocks.statusNegotiating',
  agreed: 'blocks.statusAgreed',
}

/** "Under negotiation", in the language in use. */
export function blockStatusLabel(status: BlockStatusValue): string {
  return t(statusIds[status])
}

/** "Alternatives: not agreed": what a block of alternatives is until one is chosen, whatever status is recorded for it. */
export function alternativesStatusLabel(): string {
  return t('blocks.alternativesNotAgreed')
}
