/** The editor's messages in other languages: plurals and number formats as each language writes them. */
import { afterAll, expect, test } from 'vitest'
import { loadMessages, t, useMessagesForTests } from '../i18n/i18n.ts'
import { shortcutGroups } from './shortcuts.ts'

afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('word and character counts take the plural each language needs', async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(t('editor.countsDocument', { words: 1, characters: 12345 })).toBe('Document: 1 word, 12,345 characters')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(t('editor.countsDocument', { words: 2, characters: 5 })).toBe('Документ: 2 слова, 5 знаков')
  expect(t('editor.countsDocument', { words: 21, characters: 1 })).toBe('Документ: 21 слово, 1 знак')
  useMessagesForTests('ar', await loadMessages('ar'))
  // Western digits, as UN documents in Arabic write numbers.
  expect(t('editor.countsDocument', { words: 2, characters: 1352 })).toBe('الوثيقة: كلمتان، 1,352 حرفًا')
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(t('editor.countsSelection', { words: 1, characters: 12345 })).toMatch(/^Sélection\u202f: 1 mot, 12\u202f345 caractères$/)
})

test('the shortcut list is in the language in use, the keys as keyboards print them', async () => {
  useMessagesForTests('es', await loadMessages('es'))
  const groups = shortcutGroups()
  expect(groups.map((group) => group.title)).toEqual(['Edición', 'Formato', 'Recomendaciones', 'Observaciones y propuestas'])
  expect(groups[0]!.entries[0]!.keys).toMatch(/Z$/)
})
