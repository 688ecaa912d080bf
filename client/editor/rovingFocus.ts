/**
 * One tab stop for a group of controls (a recommendation's links, flags and "+ Link"): Tab reaches the group once,
 * at the control last used; the arrow keys, Home and End move between its controls. A long document then adds one
 * stop per recommendation, not one per control. Right to left, the left arrow moves on and the right arrow back.
 */
import { useLayoutEffect, type KeyboardEvent, type RefObject } from 'react'

const controls = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled])'

/** Which control gets the focus for a key, from the one that has it (null: the key is not for moving). */
export function rovingTarget(key: string, current: number, count: number, direction: 'ltr' | 'rtl' = 'ltr'): number | null {
  if (count === 0) return null
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
  const back = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft'
  switch (key) {
    case forward:
    case 'ArrowDown':
      return (current + 1) % count
    case back:
    case 'ArrowUp':
      return (current - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

function members(group: HTMLElement): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>(controls)]
}

/** Leaves `active` (or the first control when it is gone) as the group's one tab stop. */
function settle(group: HTMLElement, active: HTMLElement | null) {
  const all = members(group)
  const stop = active && all.includes(active) ? active : (all.find((control) => control.tabIndex === 0) ?? all[0])
  for (const control of all) control.tabIndex = control === stop ? 0 : -1
}

/** Makes the element a roving group; `onKeyDown` goes on it. Re-settled after every render of its owner. */
export function useRovingFocus(group: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    if (group.current) settle(group.current, null)
  })
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const element = group.current
    if (!element) return
    const all = members(element)
    const current = all.indexOf(document.activeElement as HTMLElement)
    if (current < 0) return
    const target = rovingTarget(event.key, current, all.length, getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr')
    if (target === null) return
    event.preventDefault()
    settle(element, all[target])
    all[target].focus()
  }
  const onFocus = () => {
    if (group.current && group.current.contains(document.activeElement)) settle(group.current, document.activeElement as HTMLElement)
  }
  return { onKeyDown, onFocus }
}
