import { describe, expect, it } from 'vitest'
import { builtInCatalogue, findElement } from '../framework/index.ts'
import { draftSchema } from '../schema/editorSchema.ts'
import { findTemplate, templateDocument, templates } from './templates.ts'

describe('templates', () => {
  it('link every guiding question to elements the built-in catalogue has', () => {
    for (const template of templates) {
      for (const { refs } of template.sections.flatMap((section) => section.questions)) {
        expect(refs.length).toBeGreaterThan(0)
        for (const ref of refs) expect(findElement(builtInCatalogue, ref), ref).toBeDefined()
      }
    }
  })

  it('build documents the editor schema accepts, with a linked recommendation per question', () => {
    let counter = 0
    const template = findTemplate('dtg1-critical-infrastructure')!
    const json = templateDocument(template, () => `rec-${++counter}`)
    const node = draftSchema.nodeFromJSON(json)
    node.check()
    const recommendations: Array<{ id: string; refs: string[] }> = []
    node.descendants((child) => {
      if (child.type.name === 'recommendation') recommendations.push(child.attrs as { id: string; refs: string[] })
    })
    const questions = template.sections.flatMap((section) => section.questions)
    expect(recommendations.map((r) => r.refs)).toEqual(questions.map((q) => q.refs))
    expect(new Set(recommendations.map((r) => r.id)).size).toBe(questions.length)
  })
})
