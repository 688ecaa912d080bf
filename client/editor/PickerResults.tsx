/** The framework picker's results: the matching elements under their pillars, or a line saying nothing matches. */
import { t, tx } from '../i18n/i18n.ts'
import type { PickerGroup } from './pickerGroups.ts'
import { PickerRow } from './PickerRow.tsx'

export function PickerResults({ groups, query, linked, chosen, onToggle }: { groups: PickerGroup[]; query: string; linked: readonly string[]; chosen: readonly string[]; onToggle: (id: string) => void }) {
  return (
    <div className="picker-results" role="group" aria-label={t('editor.pickerElements')}>
      {groups.length === 0 && (
        <p className="hint">
          {tx('editor.pickerNoMatch', { query: <bdi key="query">{query}</bdi> })}
        </p>
      )}
      {groups.map((group) => (
        <fieldset key={group.pillar} className="picker-pillar">
          <legend>{group.title}</legend>
          <ul>
            {group.elements.map((element) => (
              <PickerRow
                key={element.id}
                element={element}
                linked={linked.includes(element.id)}
                chosen={chosen.includes(element.id)}
                onToggle={() => onToggle(element.id)}
              />
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  )
}
