import { beforeAll, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, recommendation } from '../../shared/schema/draftBuilders.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { coverageRows } from './coverageCells.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test('one row per pillar with a cell per element; heat caps at three; unknown links get their own row', () => {
  const json = doc(
    recommendation('r-1', ['norm-g', 'cbm-1'], 'One.'),
    recommendation('r-2', ['norm-g'], 'Two.'),
    recommendation('r-3', ['norm-g'], 'Three.'),
    recommendation('r-4', ['norm-g', 'no-such-element'], 'Four.'),
  )
  const rows = coverageRows(coverage(toDraftModel(json, builtInCatalogue), builtInCatalogue), { norms: 'Norms' })
  expect(rows.map((row) => row.key)).toEqual(['threats', 'norms', 'international-law', 'cbms', 'capacity-building', 'unknown'])
  const norms = rows.find((row) => row.key === 'norms')!
  expect(norms.title).toBe('Norms')
  expect(norms.recommendationCount).toBe(4)
  expect(norms.cells.find((cell) => cell.id === 'norm-g')).toMatchObject({ label: 'Norm g', count: 4, heat: 3 })
  expect(norms.cells.find((cell) => cell.id === 'norm-a')).toMatchObject({ count: 0, heat: 0 })
  expect(rows.find((row) => row.key === 'cbms')!.cells.find((cell) => cell.id === 'cbm-1')).toMatchObject({ count: 1, heat: 1 })
  expect(rows.at(-1)).toMatchObject({ title: 'Not in the catalogue', recommendationCount: 1, cells: [{ id: 'no-such-element', status: 'unknown', count: 1 }] })
})
