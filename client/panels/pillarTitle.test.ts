import { afterAll, beforeAll, expect, test } from 'vitest'
import { pillarTitles } from '../../shared/framework/pillars.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { pillarTitle } from './pillarTitle.ts'

beforeAll(async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
})
afterAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test("the framework's own pillar titles are translated; the secretariat's own wording is shown as written", () => {
  expect(pillarTitle('cbms', pillarTitles.cbms)).toBe('Mesures de confiance')
  expect(pillarTitle('cbms', 'CBMs (as agreed in 2027)')).toBe('CBMs (as agreed in 2027)')
  expect(pillarTitle('unknown-pillar', 'Something')).toBe('Something')
})
