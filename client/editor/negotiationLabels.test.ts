import { afterAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { contentWithCounter, cssString, negotiationLabelStyle } from './negotiationLabels.ts'

afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('a text becomes a CSS string, quotes and backslashes escaped', () => {
  expect(cssString('Alt ')).toBe('"Alt "')
  expect(cssString('say "no" \\ now')).toBe('"say \\"no\\" \\\\ now"')
})

test('the counter takes the place of the number, wherever the language puts it', () => {
  expect(contentWithCounter('Alt \u0001', 'alternative')).toBe('"Alt " counter(alternative)')
  expect(contentWithCounter('\u0001 alt', 'alternative')).toBe('counter(alternative) " alt"')
})

test('the labels are those of the language in use', async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(negotiationLabelStyle()).toBe('--alternatives-label: "Alternatives: not agreed"; --alternative-number: "Alt " counter(alternative)')
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(negotiationLabelStyle()).toContain('--alternative-number: "Var. " counter(alternative)')
})
