import { afterAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { pillarTitles } from '../../shared/framework/pillars.ts'
import { elementTitle, languageName, pillarTitle, servedPillarTitle } from './catalogueLabels.ts'

const element = { title: 'Protection of critical infrastructure', titles: { fr: 'Protection des infrastructures critiques' } }

afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

test("an element's title is in the interface language where the override gives one, in English otherwise", async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(elementTitle(element)).toEqual({ text: 'Protection of critical infrastructure', lang: 'en' })
  expect(languageName('fr')).toBe('French')
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(elementTitle(element)).toEqual({ text: 'Protection des infrastructures critiques', lang: 'fr' })
  expect(pillarTitle('cbms')).toBe('Mesures de confiance')
  expect(languageName('zh')).toBe('chinois')
  useMessagesForTests('es', await loadMessages('es'))
  expect(elementTitle(element)).toEqual({ text: 'Protection of critical infrastructure', lang: 'en' })
})

test("a served pillar title: the framework's own are translated; the secretariat's own wording is shown as written", async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(servedPillarTitle('cbms', pillarTitles.cbms)).toBe('Mesures de confiance')
  expect(servedPillarTitle('cbms', 'CBMs (as agreed in 2027)')).toBe('CBMs (as agreed in 2027)')
  expect(servedPillarTitle('unknown-pillar', 'Something')).toBe('Something')
  expect(servedPillarTitle('toString', 'Something else')).toBe('Something else')
})
