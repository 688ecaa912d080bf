/** One element offered by the framework picker: a checkbox with label and title, its flags explained (and read with the checkbox). */
import { useId } from 'react'
import type { FrameworkElement } from '../../shared/framework/element.ts'
import { t } from '../i18n/i18n.ts'
import { ElementFlags } from './ExplainedFlag.tsx'
import { elementFlags, flagDescription } from './elementExplanation.ts'

export function PickerRow({ element, linked, chosen, onToggle }: { element: FrameworkElement; linked: boolean; chosen: boolean; onToggle: () => void }) {
  const descriptionId = useId()
  const flags = elementFlags(element, 'known')
  return (
    <li className={linked ? 'is-linked' : undefined}>
      <label>
        <input
          type="checkbox"
          checked={linked || chosen}
          disabled={linked}
          onChange={onToggle}
          data-element-id={element.id}
          aria-describedby={flags.length > 0 ? descriptionId : undefined}
        />
        {/* The catalogue's own words: its labels and titles are not translated. */}
        <span className="element-label" translate="no" dir="auto">
          {element.label}
        </span>
        <span className="element-title" translate="no" dir="auto">
          {element.title}
        </span>
      </label>
      <ElementFlags flags={flags} />
      {linked && <span className="flag">{t('editor.pickerLinked')}</span>}
      {flags.length > 0 && (
        <span id={descriptionId} hidden>
          {flags.map(flagDescription).join(' ')}
        </span>
      )}
    </li>
  )
}
