import { describe, expect, test, vi } from 'vitest'
import { mainContentId, skipToContent } from './skipToContent.ts'

describe('skip to content', () => {
  test('focuses the element with the main id', () => {
    const main = { focus: vi.fn() }
    const getElementById = vi.fn((id: string) => (id === mainContentId ? (main as unknown as HTMLElement) : null))
    expect(skipToContent({ getElementById })).toBe(true)
    expect(getElementById).toHaveBeenCalledWith('main')
    expect(main.focus).toHaveBeenCalledOnce()
  })

  test('reports a page without a main region', () => {
    expect(skipToContent({ getElementById: () => null })).toBe(false)
  })
})
