/**
 * Where each comment thread sits in the margin: beside its passage, never overlapping another, pushed down in the
 * order of the text. The chosen thread sits exactly beside its passage; those above it move up to make room.
 */

export interface MarginItem {
  id: string
  /** Where the passage starts, relative to the margin's top (px). */
  anchorTop: number
  /** The card's height (px). */
  height: number
}

export interface MarginOptions {
  /** Space between two cards (px). */
  gap: number
  /** The thread the member chose, if any: placed beside its passage. */
  activeId?: string | null
}

/** The top of every card (px, relative to the margin), by thread id. Items are taken in text order (then as given). */
export function placeInMargin(items: readonly MarginItem[], { gap, activeId = null }: MarginOptions): Map<string, number> {
  const ordered = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.anchorTop - b.item.anchorTop || a.index - b.index)
  const tops = new Array<number>(ordered.length)
  const pushDown = (from: number, floor: number) => {
    let next = floor
    for (let i = from; i < ordered.length; i++) {
      tops[i] = Math.max(ordered[i].item.anchorTop, next)
      next = tops[i] + ordered[i].item.height + gap
    }
  }
  const active = activeId === null ? -1 : ordered.findIndex(({ item }) => item.id === activeId)
  if (active < 0) {
    pushDown(0, 0)
  } else {
    // The chosen card beside its passage, the ones after it below it, the ones before it above it as far as they fit.
    tops[active] = Math.max(0, ordered[active].item.anchorTop)
    pushDown(active + 1, tops[active] + ordered[active].item.height + gap)
    let ceiling = tops[active] - gap
    for (let i = active - 1; i >= 0; i--) {
      tops[i] = Math.min(ordered[i].item.anchorTop, ceiling - ordered[i].item.height)
      ceiling = tops[i] - gap
    }
    // No room above the top of the margin: everything in order from the top instead.
    if (active > 0 && tops[0] < 0) pushDown(0, 0)
  }
  return new Map(ordered.map(({ item }, i) => [item.id, tops[i]]))
}

/** The margin's height needed to show every card (px). */
export function marginHeight(items: readonly MarginItem[], tops: ReadonlyMap<string, number>): number {
  let bottom = 0
  for (const item of items) bottom = Math.max(bottom, (tops.get(item.id) ?? 0) + item.height)
  return bottom
}
