/**
 * Another participant's caret: a coloured bar with their name and delegation. The label shows while they are active
 * and fades a few seconds later (client/presence/useCaretLabels.ts); the caret itself stays.
 */
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
  const name = typeof user.name === 'string' ? user.name : 'Someone'
  label.textContent = typeof user.delegation === 'string' && user.delegation ? `${name} (${user.delegation})` : name
  caret.append(label)
  return caret
}
