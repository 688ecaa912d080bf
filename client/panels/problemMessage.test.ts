import { beforeAll, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { bracketed, doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { validateDraft } from '../../shared/schema/validateDraft.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { problemMessage } from './problemMessage.ts'

const problems = () =>
  validateDraft(
    doc(recommendation('r-1', [], 'One.'), recommendation('r-1', ['no-such-element'], 'Two.'), recommendation('r-3', ['norm-g'], ''), paragraph('States ', bracketed('shall', ['Kenya']), ' act.')),
    builtInCatalogue,
  ).problems

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test('in English, each problem reads as the shared validator wrote it', () => {
  const found = problems()
  expect(found.length).toBeGreaterThan(3)
  for (const problem of found) expect(problemMessage(problem)).toBe(problem.message)
})

test('in French, each problem is French, with its recommendation numbers and the element it names', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    const messages = problems().map(problemMessage)
    expect(messages).toContain('La recommandation R1 n’est liée à aucun élément du cadre')
    expect(messages.some((message) => message.includes('R2') && message.includes('R1') && message.includes('r-1'))).toBe(true)
    expect(messages.some((message) => message.includes('«\u00a0no-such-element\u00a0»'))).toBe(true)
    expect(messages).toContain('Un texte entre crochets subsiste\u00a0: «\u00a0[shall]\u00a0» (proposé par Kenya)')
    for (const message of messages) expect(message).not.toMatch(/Recommendation R/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})

test('a message of an unexpected shape is shown as it came', () => {
  expect(problemMessage({ code: 'recommendation_nested', message: 'Something else', recommendationNumber: 2 })).toBe('Something else')
})

test('in Arabic, the bracketed passage and its proposers are isolated from the sentence around them', async () => {
  useMessagesForTests('ar', await loadMessages('ar'))
  try {
    const bracketedProblem = problems().find((problem) => problem.code === 'text_bracketed')!
    expect(problemMessage(bracketedProblem)).toContain('"[\u2068shall\u2069]"')
    expect(problemMessage(bracketedProblem)).toContain('\u2068Kenya\u2069')
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})
