/** Carets of other participants: which caret belongs to whom, and how labels that would overlap are stacked. */

/** How a caret names its participant in the page: the same for their every caret (several tabs, one member). */
export function caretKey(user: { name?: unknown; color?: unknown }): string {
  return `${typeof user.name === 'string' ? user.name : ''}|${typeof user.color === 'string' ? user.color : ''}`
}

export interface LabelBox {
  id: number
  left: number
  top: number
  width: number
  height: number
}

const intersects = (a: LabelBox, b: LabelBox, gap: number) => a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap

/**
 * How far up (px) to lift each label so that none covers another: in reading order, each label rises above those
 * placed before it that it would overlap. A lone label does not move.
 */
export function stackLabels(boxes: readonly LabelBox[], gap = 1): Map<number, number> {
  const order = boxes.slice().sort((a, b) => a.top - b.top || a.left - b.left || a.id - b.id)
  const placed: LabelBox[] = []
  const lifts = new Map<number, number>()
  for (const box of order) {
    let lifted = { ...box }
    // Each step lifts it above one label it touches; at most one step per label placed before it.
    for (let step = 0; step <= placed.length; step++) {
      const hit = placed.find((other) => intersects(lifted, other, gap))
      if (!hit) break
      lifted = { ...lifted, top: hit.top - lifted.height - gap }
    }
    placed.push(lifted)
    lifts.set(box.id, box.top - lifted.top)
  }
  return lifts
}
