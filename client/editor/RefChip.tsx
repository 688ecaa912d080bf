/** One framework link of a recommendation: the element's label and title, its flags explained, and a remove control. */
import { resolveRef } from '../../shared/framework/lookup.ts'
import { useCatalogue } from './CatalogueContext.ts'
import { ElementFlags } from './ExplainedFlag.tsx'
import { elementFlags } from './elementExplanation.ts'

export const lastLinkReason = 'A recommendation must stay linked to at least one framework element. Add another link before removing this one.'

export function RefChip({ refId, removable, onRemove }: { refId: string; removable: 'yes' | 'last' | 'no'; onRemove: () => void }) {
  const resolved = resolveRef(useCatalogue(), refId)
  const label = resolved.element?.label ?? refId
  const title = resolved.element?.title
  const flags = elementFlags(resolved.element, resolved.status)
  const unverified = flags.some((flag) => flag.key === 'unverified')
  return (
    <li className={`ref-chip ref-${resolved.status}${unverified ? ' ref-unverified' : ''}`} data-ref={refId}>
      <span className="ref-text" title={resolved.element?.summary}>
        <span className="ref-label">{label}</span>
        {title && <span className="ref-title">{title}</span>}
      </span>
      <ElementFlags flags={flags} />
      {removable !== 'no' && (
        <span className="ref-remove-wrap" title={removable === 'last' ? lastLinkReason : `Remove the link to ${label}`}>
          <button
            type="button"
            className="ref-remove"
            aria-label={`Remove link to ${label}`}
            disabled={removable === 'last'}
            title={removable === 'last' ? lastLinkReason : `Remove the link to ${label}`}
            onClick={onRemove}
          >
            ×
          </button>
        </span>
      )}
    </li>
  )
}
