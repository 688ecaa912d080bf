/** Selecting text in the editor as a reader does: a mouse drag over a passage, waited for until the editor has it. */
import type { Page } from 'playwright-core'

/**
 * Drags the mouse over a passage of the editor's text, as a reader selects it, and waits until the editor has it. The
 * page may still be laying out as the drag starts (panels, badges and fonts arriving move the text): a drag that missed
 * is made again from where the passage is then, up to three times.
 */
export async function selectPassage(page: Page, passage: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await dragOver(page, passage)
    const selected = await page
      .waitForFunction(
        (wanted) => {
          const view = (document.querySelector('.ProseMirror') as (HTMLElement & { editor?: { view: ViewLike } }) | null)?.editor?.view
          if (!view) return false
          const { from, to } = view.state.selection
          return view.state.doc.textBetween(from, to) === wanted
        },
        passage,
        { polling: 16, timeout: 5000 },
      )
      .then(
        () => true,
        (error: unknown) => {
          if (attempt >= 3) throw error
          return false
        },
      )
    if (selected) return
  }
}

async function dragOver(page: Page, passage: string): Promise<void> {
  const points = await page.evaluate((wanted) => {
    const root = document.querySelector('.draft-text')!
    for (const block of root.querySelectorAll('p, h1, h2, h3')) {
      const index = (block.textContent ?? '').indexOf(wanted)
      if (index < 0) continue
      block.scrollIntoView({ block: 'center' })
      const texts: Text[] = []
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) texts.push(walker.currentNode as Text)
      const locate = (offset: number, atEnd: boolean): [Text, number] => {
        for (const text of texts) {
          if (offset < text.length || (atEnd && offset === text.length)) return [text, offset]
          offset -= text.length
        }
        throw new Error('offset outside the block')
      }
      const rectOf = ([text, offset]: [Text, number], before: boolean) => {
        const range = document.createRange()
        range.setStart(text, before ? offset : offset - 1)
        range.setEnd(text, before ? offset + 1 : offset)
        return range.getBoundingClientRect()
      }
      const first = rectOf(locate(index, false), true)
      const last = rectOf(locate(index + wanted.length, true), false)
      return { from: { x: first.left + 1, y: (first.top + first.bottom) / 2 }, to: { x: last.right - 1, y: (last.top + last.bottom) / 2 } }
    }
    return null
  }, passage)
  if (!points) throw new Error(`"${passage}" is not in the editor`)
  await page.mouse.move(points.from.x, points.from.y)
  await page.mouse.down()
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 })
  await page.mouse.up()
}

interface ViewLike {
  state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } }
}
