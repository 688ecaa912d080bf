/**
 * The message catalogues: the same messages in all six languages, each a valid ICU message with the same arguments and
 * markup as the English one, plurals complete for the language, every id the code asks for present and every message
 * used.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, test } from 'vitest'
import { intlLocales, languages } from '../../shared/i18n/languages.ts'
import { clientSources, messageIdsInSource } from './sourceScan.ts'

const root = path.join(import.meta.dirname, 'messages')
const read = (language: string, file: string) => JSON.parse(fs.readFileSync(path.join(root, language, file), 'utf8')) as Record<string, string>
const englishFiles = fs.readdirSync(path.join(root, 'en')).filter((file) => file.endsWith('.json')).sort()

/** Every argument (with its kind) and every tag a message uses, e.g. `count:plural`, `name:argument`, `<b>`. */
function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`${element.value}:argument`)
    else if (element.type === TYPE.number) into.add(`${element.value}:number`)
    else if (element.type === TYPE.date || element.type === TYPE.time) into.add(`${element.value}:date`)
    else if (element.type === TYPE.plural) {
      into.add(`${element.value}:plural`)
      for (const option of Object.values(element.options)) signature(option.value, into)
    } else if (element.type === TYPE.select) {
      into.add(`${element.value}:select`)
      for (const option of Object.values(element.options)) signature(option.value, into)
    } else if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`)
      signature(element.children, into)
    }
  }
  return into
}

/** The plural categories each plural in a message offers (besides exact `=n` cases). */
function pluralCategories(elements: MessageFormatElement[], into: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      into.push(Object.keys(element.options).filter((key) => !key.startsWith('=')))
      for (const option of Object.values(element.options)) pluralCategories(option.value, into)
    } else if (element.type === TYPE.select) for (const option of Object.values(element.options)) pluralCategories(option.value, into)
    else if (element.type === TYPE.tag) pluralCategories(element.children, into)
  }
  return into
}

test('each area has a catalogue in every language, and ids are named after their area', () => {
  expect(englishFiles.length).toBeGreaterThan(0)
  for (const language of languages) {
    expect(fs.readdirSync(path.join(root, language)).filter((file) => file.endsWith('.json')).sort(), language).toEqual(englishFiles)
  }
  for (const file of englishFiles) {
    const area = file.replace(/\.json$/, '')
    for (const id of Object.keys(read('en', file))) expect(id.startsWith(`${area}.`), `${id} in ${file}`).toBe(true)
  }
})

describe.each(languages.filter((language) => language !== 'en'))('%s', (language) => {
  test.each(englishFiles)('%s: the same messages as English, each with the same arguments and markup', (file) => {
    const english = read('en', file)
    const translated = read(language, file)
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort())
    for (const [id, message] of Object.entries(translated)) {
      expect(message.trim(), `${language} ${id} is empty`).not.toBe('')
      const parsed = parse(message)
      expect([...signature(parsed)].sort(), `${language} ${id}`).toEqual([...signature(parse(english[id]!))].sort())
    }
  })
})

describe.each(languages)('%s', (language) => {
  test('every plural offers each category the language needs', () => {
    const needed = new Intl.PluralRules(intlLocales[language]).resolvedOptions().pluralCategories
    for (const file of englishFiles) {
      for (const [id, message] of Object.entries(read(language, file))) {
        for (const offered of pluralCategories(parse(message))) {
          expect(offered, `${language} ${id}`).toContain('other')
          for (const category of needed) expect(offered, `${language} ${id} lacks "${category}"`).toContain(category)
        }
      }
    }
  })
})

test('every message the code asks for exists in English, and every English message is asked for', () => {
  const english = new Set(englishFiles.flatMap((file) => Object.keys(read('en', file))))
  const used = new Set<string>()
  const prefixes = new Set<string>()
  for (const file of clientSources()) {
    const { ids, asked, dynamicPrefixes } = messageIdsInSource(fs.readFileSync(file, 'utf8'))
    for (const id of asked) expect(english.has(id), `${path.relative(process.cwd(), file)} asks for "${id}", which no catalogue has`).toBe(true)
    for (const id of ids) used.add(id)
    for (const prefix of dynamicPrefixes) prefixes.add(prefix)
  }
  const unused = [...english].filter((id) => !used.has(id) && ![...prefixes].some((prefix) => id.startsWith(prefix)))
  expect(unused, 'messages no code asks for').toEqual([])
})
