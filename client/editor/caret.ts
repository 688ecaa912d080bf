/**
 * Another participant's caret: a coloured bar with their name and delegation. The label shows while they are active
 * and fades a few seconds later (client/presence/useCaretLabels.ts); the caret itself stays.
 */
import { nameWithDelegation } from '../app/memberLine.ts'
import { t } from '../i18n/i18n.ts'
import { caretKey } from '../presence/caretLabels.ts'

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#6b6b6b'
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = color
  caret.dataset.caret = caretKey(user)
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = color
  // Names of people and delegations, never translated; each read in its own direction.
  label.translate = false
  label.dir = 'auto'
  const name = typeof user.name === 'string' ? user.name : t('editor.caretSomeone')
  label.textContent = nameWithDelegation({ name, delegation: typeof user.delegation === 'string' && user.delegation ? user.delegation : null })
  caret.append(label)
  return caret
}
