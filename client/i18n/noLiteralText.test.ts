/**
 * No text in the interface outside the message catalogues: each component's JSX is read, and every literal text in it
 * (JSX text, a string child, a label or title attribute) is reported with its line. What components compute elsewhere
 * is checked in the browser, where the pseudo-localised pages must show nothing unmarked (tests/e2e/languages.test.ts).
 */
import path from 'node:path'
import { expect, test } from 'vitest'
import { clientSources, literalTexts } from './sourceScan.ts'

const components = clientSources().filter((file) => file.endsWith('.tsx'))
const clientRoot = path.join(import.meta.dirname, '..')

test.each(components.map((file) => path.relative(clientRoot, file)))('%s shows no literal text', (file) => {
  expect(literalTexts(path.join(clientRoot, file))).toEqual([])
})

test('literal texts are found, and the exemption is honoured', () => {
  const source = [
    'export const A = () => (',
    '  <p title="Hover text" aria-label={`Label ${x}`}>',
    '    Plain words {"Quoted words"} {t("a.b")} {count} · ',
    '    <kbd>Ctrl</kbd> {/* i18n-exempt: a key name */}',
    '    <input placeholder={t("a.c")} />',
    '  </p>',
    ')',
  ].join('\n')
  const found = literalTexts('example.tsx', source).map((entry) => entry.text)
  expect(found).toEqual(['title="Hover text"', 'aria-label="Label "', 'Plain words', 'Quoted words', 'Ctrl'])
})
