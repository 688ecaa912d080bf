import { afterAll, beforeAll, expect, test } from 'vitest'
import type { OutcomeRecord, Stage } from '../api/procedures.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { timeLeft } from './stageTimes.ts'
import { blockName, outcomeSentence, stageLine } from './stageWords.ts'

const deadline = Date.UTC(2026, 10, 29, 15, 0)
const stage = (change: Partial<Stage>): Stage => ({
  kind: 'drafting',
  procedureId: 1,
  revision: { id: 2, label: 'Rev.1' },
  deadline,
  brokenBy: [],
  submittedAt: null,
  commentsClosedAt: null,
  ...change,
})
const record = (change: Partial<OutcomeRecord>): OutcomeRecord => ({
  procedureId: 1,
  kind: 'silence',
  outcome: 'adopted',
  documentId: 'd',
  documentTitle: 'Recommendations',
  symbol: null,
  revision: { id: 2, label: 'Rev.1' },
  deadline,
  openedBy: 'Amina Odhiambo',
  openedAt: deadline - 86_400_000,
  settledAt: deadline,
  objections: [],
  brokenBy: [],
  ...change,
})

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))
afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('the stage in English, deadlines in New York time, to the second when set to the second', () => {
  expect(stageLine(stage({ kind: 'silence' }))).toBe('Under silence until 29 November 2026, 10:00 New York time')
  expect(stageLine(stage({ kind: 'comments', deadline: deadline + 30_000 }))).toBe('Open for comments until 29 November 2026, 10:00:30 New York time')
  expect(stageLine(stage({ kind: 'adopted' }))).toBe('Adopted under silence on 29 November 2026')
  expect(stageLine(stage({ kind: 'broken', brokenBy: ['Kenya', 'Brazil'] }))).toBe('Silence broken by Kenya and Brazil')
  expect(blockName('R4')).toBe('recommendation R4')
  expect(outcomeSentence(record({ outcome: 'broken', brokenBy: [{ delegation: 'Kenya', blocks: ['3', 'R1'] }] }))).toBe(
    'Silence on Rev.1 was broken before 29 November 2026, 10:00 New York time by Kenya (paragraph 3 and recommendation R1).',
  )
})

test('the stage and what is left in French and Russian, with their plurals', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(stageLine(stage({ kind: 'silence' }))).toBe('Soumis à la procédure d’approbation tacite jusqu’au 29 novembre 2026 à 10:00, heure de New York')
  expect(timeLeft(deadline, deadline - (3 * 24 + 1) * 3_600_000)).toBe('3 jours 1 heure')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(timeLeft(deadline, deadline - 22 * 60_000)).toBe('22 минуты')
  expect(timeLeft(deadline, deadline - 25 * 60_000)).toBe('25 минут')
})

test('in Arabic, revision labels and delegations are isolated inside the right-to-left sentence', async () => {
  useMessagesForTests('ar', await loadMessages('ar'))
  expect(outcomeSentence(record({ outcome: 'closed' }))).toContain('\u2068Rev.1\u2069')
  expect(stageLine(stage({ kind: 'broken', brokenBy: ['Kenya'] }))).toContain('\u2068Kenya\u2069')
  useMessagesForTests('en', await loadMessages('en'))
  expect(outcomeSentence(record({ outcome: 'closed' }))).not.toContain('\u2068')
})
