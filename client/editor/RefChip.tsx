/** One framework link of a recommendation: the element's label and title, its state, and a remove control. */
import { resolveRef } from '../../shared/framework/lookup.ts'
import { useCatalogue } from './CatalogueContext.ts'

export const lastLinkReason = 'A recommendation must stay linked to at least one framework element. Add another link before removing this one.'

export function RefChip({ refId, removable, onRemove }: { refId: string; removable: 'yes' | 'last' | 'no'; onRemove: () => void }) {
  const resolved = resolveRef(useCatalogue(), refId)
  const label = resolved.element?.label ?? refId
  const title = resolved.element?.title
  const unverified = resolved.element !== undefined && !resolved.element.verified
  return (
    <li className={`ref-chip ref-${resolved.status}${unverified ? ' ref-unverified' : ''}`} data-ref={refId} title={resolved.element?.summary}>
      <span className="ref-label">{label}</span>
      {title && <span className="ref-title">{title}</span>}
      {resolved.status === 'retired' && <span className="flag flag-retired">retired</span>}
      {resolved.status === 'unknown' && <span className="flag flag-unknown">not in the catalogue</span>}
      {unverified && <span className="flag flag-unverified">unverified</span>}
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
