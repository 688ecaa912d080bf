/** The framework picker's footer: what is chosen (or that one choice is needed), cancel and confirm. */
import { useId } from 'react'
import { t } from '../i18n/i18n.ts'
import { listOfNames } from './listOfNames.ts'

export function PickerFooter({ chosenLabels, tried, confirmLabel, onCancel }: { chosenLabels: string[]; tried: boolean; confirmLabel: string; onCancel: () => void }) {
  const hintId = useId()
  const none = chosenLabels.length === 0
  return (
    <footer className="picker-footer">
      <p id={hintId} className={none && tried ? 'picker-chosen picker-refused' : 'picker-chosen'} role="status">
        {none ? t('editor.pickerChooseOne') : t('editor.pickerChosen', { elements: listOfNames(chosenLabels) })}
      </p>
      <button type="button" className="button-quiet" onClick={onCancel}>
        {t('editor.cancel')}
      </button>
      <button type="submit" aria-describedby={hintId} aria-disabled={none} className={none ? 'is-disabled' : undefined}>
        {confirmLabel}
      </button>
    </footer>
  )
}
