import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown, htmlRuns, markdownRuns, markdownText } from './markup.ts'

const run = (text: string, bold = false, italic = false) => ({ text, bold, italic })

describe('markup', () => {
  it('escapes every character HTML gives a meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
  })

  it('writes runs as HTML with their emphasis and hard breaks', () => {
    expect(htmlRuns([run('a '), run('b<', true), run('c', true, true), run('\nd', false, true)])).toBe(
      'a <strong>b&lt;</strong><strong><em>c</em></strong><em><br>d</em>',
    )
  })

  it('escapes Markdown block markup only at the start of a line', () => {
    expect(escapeMarkdown('- a - b\n> c\n12) d\n+ e = f')).toBe('\\- a - b\n\\> c\n12\\) d\n\\+ e = f')
    expect(markdownText('a\n# b')).toBe('a\\\n\\# b')
  })

  it('keeps the spaces round an emphasised run outside its markers', () => {
    expect(markdownRuns([run('States '), run(' should ', true), run('act', false, true), run(' now.')])).toBe(
      'States  **should** *act* now.',
    )
    expect(markdownRuns([run('   ', true)])).toBe('   ')
  })

  it('ends a bold run before a hard break so the break does not escape the marker', () => {
    expect(markdownRuns([run('bold\n', true), run('next')])).toBe('**bold**\\\nnext')
  })
})
