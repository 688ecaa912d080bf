import { expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { Transform } from '@tiptap/pm/transform'
import { bulletList, doc, heading, orderedList, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { numberingDecorations, recommendationNumberFrom, sameNumbering, type NumberSpec } from './draftNumbering.ts'

function numbersOf(json: DraftDocJson): Array<{ type: string; text: string; number: string }> {
  const node = draftSchema.nodeFromJSON(json)
  const decorations = numberingDecorations(node, toDraftModel(json, builtInCatalogue))
  return decorations
    .find()
    .sort((a, b) => a.from - b.from)
    .map((decoration) => {
      const spec = decoration.spec as NumberSpec
      const target = node.nodeAt(decoration.from)!
      return {
        type: target.type.name,
        text: target.textContent,
        number: spec.recommendationNumber ? `R${spec.recommendationNumber}` : String(spec.paragraphNumber),
      }
    })
}

test('the margin shows the numbers toDraftModel gives, on the nodes they belong to', () => {
  const json = doc(
    heading(1, 'Title'),
    paragraph('One.'),
    paragraph(),
    recommendation('r-1', ['norm-g'], 'First recommendation.'),
    bulletList('Two.', 'Three.'),
    recommendation('r-2', ['cbm-1'], 'Second recommendation.'),
    paragraph('Four.'),
  )
  expect(numbersOf(json)).toEqual([
    { type: 'paragraph', text: 'One.', number: '1' },
    { type: 'recommendation', text: 'First recommendation.', number: 'R1' },
    { type: 'listItem', text: 'Two.', number: '2' },
    { type: 'listItem', text: 'Three.', number: '3' },
    { type: 'recommendation', text: 'Second recommendation.', number: 'R2' },
    { type: 'paragraph', text: 'Four.', number: '4' },
  ])
})

test('text inserted above moves every number below it', () => {
  const before = numbersOf(doc(paragraph('One.'), recommendation('r-1', ['norm-g'], 'Rec.')))
  const after = numbersOf(doc(paragraph('New.'), recommendation('r-0', ['norm-a'], 'New rec.'), paragraph('One.'), recommendation('r-1', ['norm-g'], 'Rec.')))
  expect(before.map((entry) => entry.number)).toEqual(['1', 'R1'])
  expect(after.find((entry) => entry.text === 'One.')!.number).toBe('2')
  expect(after.find((entry) => entry.text === 'Rec.')!.number).toBe('R2')
})

test('a node view reads its recommendation number from its decorations', () => {
  const json = doc(recommendation('r-1', ['norm-g'], 'Rec.'))
  const decorations = numberingDecorations(draftSchema.nodeFromJSON(json), toDraftModel(json, builtInCatalogue)).find()
  expect(recommendationNumberFrom(decorations)).toBe(1)
  expect(recommendationNumberFrom([])).toBeNull()
})

test('numbers derived again after typing inside a paragraph are the mapped ones; a new paragraph above changes them', () => {
  const json = doc(paragraph('One.'), recommendation('r-1', ['norm-g'], 'First.'), orderedList('Two (a).', 'Two (b).'), paragraph('Three.'))
  const before = draftSchema.nodeFromJSON(json)
  const decorations = numberingDecorations(before, toDraftModel(json, builtInCatalogue))
  const derive = (node: typeof before) => numberingDecorations(node, toDraftModel(node.toJSON() as DraftDocJson, builtInCatalogue))

  const typed = new Transform(before).insert(4, draftSchema.text(' More'))
  expect(sameNumbering(decorations.map(typed.mapping, typed.doc), derive(typed.doc))).toBe(true)

  const above = new Transform(before).insert(0, draftSchema.nodes.paragraph.create(null, draftSchema.text('New.')))
  expect(sameNumbering(decorations.map(above.mapping, above.doc), derive(above.doc))).toBe(false)

  const relabelled = new Transform(before).delete(0, before.child(0).nodeSize)
  expect(sameNumbering(decorations.map(relabelled.mapping, relabelled.doc), derive(relabelled.doc))).toBe(false)
})
