/** Reading the client's sources for the catalogue tests: which message ids they ask for, and which texts they show literally. */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const clientRoot = path.join(import.meta.dirname, '..')

/** Every source file of the client, tests left out. */
export function clientSources(dir = clientRoot): string[] {
  const files: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...clientSources(full))
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full)
  }
  return files.sort()
}

const literalCall = /\b(?:t|tx)\(\s*(['"])([\w.-]+)\1/g
const templateCall = /\b(?:t|tx)\(\s*`([\w.-]*)\$\{/g
const idLiteral = /(['"])([a-z][\w-]*\.[\w.-]+)\1/gi

/**
 * The ids a source asks for: `ids`, those named in a string literal (`t('comments.resolve')`, or in a table of ids);
 * `asked`, those passed to t() or tx() literally (they must exist); `dynamicPrefixes`, the fixed start of ids built at
 * run time (`t(\`roles.${role}\`)` counts every id starting with "roles." as used).
 */
export function messageIdsInSource(withComments: string): { ids: string[]; asked: string[]; dynamicPrefixes: string[] } {
  // Comments left out: an example in a comment asks for nothing.
  const parsed = ts.createSourceFile('source.tsx', withComments, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX)
  const source = ts.createPrinter({ removeComments: true }).printFile(parsed)
  return {
    ids: [...source.matchAll(idLiteral)].map((match) => match[2]!),
    asked: [...source.matchAll(literalCall)].map((match) => match[2]!),
    dynamicPrefixes: [...source.matchAll(templateCall)].map((match) => match[1]!).filter((prefix) => prefix.includes('.')),
  }
}

/** Attributes whose value people read or hear. */
const textAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label'])
const hasWords = (text: string) => /\p{L}/u.test(text)

export interface LiteralText {
  line: number
  text: string
}

/**
 * Texts a component shows without a catalogue: JSX text with a letter in it, a string written as a JSX child
 * (`{'Save'}`), and a literal in an attribute people read (aria-label, title, placeholder, alt, label).
 * A line ending in the comment `// i18n-exempt: <why>` is left out (a symbol, a code people type as it is).
 */
export function literalTexts(file: string, source = fs.readFileSync(file, 'utf8')): LiteralText[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const lines = source.split('\n')
  const found: LiteralText[] = []
  const report = (node: ts.Node, text: string) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line
    if (/\/\/\s*i18n-exempt\b/.test(lines[line] ?? '') || /\{\/\*\s*i18n-exempt\b/.test(lines[line - 1] ?? '')) return
    found.push({ line: line + 1, text: text.trim().slice(0, 80) })
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text)
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression) {
      const expression = node.expression
      if ((ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) && hasWords(expression.text)) report(node, expression.text)
      if (ts.isTemplateExpression(expression) && hasWords(expression.head.text + expression.templateSpans.map((span) => span.literal.text).join(''))) report(node, expression.getText(sourceFile))
    } else if (ts.isJsxAttribute(node) && textAttributes.has(node.name.getText(sourceFile)) && node.initializer) {
      const value = node.initializer
      const literal = ts.isStringLiteral(value)
        ? value.text
        : ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression))
          ? value.expression.text
          : ts.isJsxExpression(value) && value.expression && ts.isTemplateExpression(value.expression)
            ? value.expression.head.text + value.expression.templateSpans.map((span) => span.literal.text).join('')
            : null
      if (literal !== null && hasWords(literal)) report(node, `${node.name.getText(sourceFile)}="${literal}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}
