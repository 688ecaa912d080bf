/** One framework link of a recommendation: the element's label and title, its flags explained, and a remove control. */
import { resolveRef } from '../../shared/framework/lookup.ts'
import { t } from '../i18n/i18n.ts'
import { useCatalogue } from './CatalogueContext.ts'
import { ElementFlags } from './ExplainedFlag.tsx'
import { elementFlags } from './elementExplanation.ts'

/** Why the last link of a recommendation cannot be removed. */
export const lastLinkReason = () => t('editor.lastLinkReason')

export function RefChip({ refId, removable, onRemove }: { refId: string; removable: 'yes' | 'last' | 'no'; onRemove: () => void }) {
  const resolved = resolveRef(useCatalogue(), refId)
  const label = resolved.element?.label ?? refId
  const title = resolved.element?.title
  const flags = elementFlags(resolved.element, resolved.status)
  const unverified = flags.some((flag) => flag.key === 'unverified')
  const removeTitle = removable === 'last' ? lastLinkReason() : t('editor.removeLinkTitle', { element: label })
  return (
    <li className={`ref-chip ref-${resolved.status}${unverified ? ' ref-unverified' : ''}`} data-ref={refId}>
      <span className="ref-text" title={resolved.element?.summary}>
        {/* The catalogue's own words: its labels and titles are not translated. */}
        <span className="ref-label" translate="no" dir="auto">
          {label}
        </span>
        {title && (
          <span className="ref-title" translate="no" dir="auto">
            {title}
          </span>
        )}
      </span>
      <ElementFlags flags={flags} />
      {removable !== 'no' && (
        <span className="ref-remove-wrap" title={removeTitle}>
          <button
            type="button"
            className="ref-remove"
            aria-label={t('editor.removeLinkLabel', { element: label })}
            disabled={removable === 'last'}
            title={removeTitle}
            onClick={onRemove}
          >
            ×
          </button>
        </span>
      )}
    </li>
  )
}
