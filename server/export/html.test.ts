import { describe, expect, it } from 'vitest'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftToHtml } from './html.ts'
import { testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

describe('draftToHtml', () => {
  const { model, coverage } = testDraft()
  const html = draftToHtml(model, testMeta, coverage)

  it('is a complete page with the symbol, title and version', () => {
    const opening = '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Draft recommendations on critical infrastructure</title>'
    expect(html.slice(0, opening.length)).toBe(opening)
    expect(html).toContain(
      '<header><p class="symbol">A/AC.292/2026/DTG.1/CRP.1</p><h1>Draft recommendations on critical infrastructure</h1><p class="version">Rev. 2, 12 March 2026</p></header>',
    )
    expect(html.slice(-16)).toBe('</body>\n</html>\n')
  })

  it('writes numbered paragraphs, headings one level under the title, and recommendations with their links', () => {
    expect(html).toContain('<h2>I. Introduction</h2>')
    expect(html).toContain('<h3>II. Recommendations</h3>')
    expect(html).toContain(
      '<div class="numbered paragraph"><span class="number">1.</span><p>The group <strong>recalled</strong> the <em>framework</em>.</p></div>',
    )
    expect(html).toContain(
      '<div class="numbered paragraph"><span class="number">3.</span><p>Delegations proposed:</p><p class="level-1">(a) a survey;</p><p class="level-1">(b) a repository.</p></div>',
    )
    expect(html).toContain(
      '<div class="numbered recommendation" data-recommendation-id="rec-a"><span class="number">R1.</span>' +
        '<p>States are encouraged to protect critical infrastructure.</p>' +
        '<p>They should share good practice. <span class="refs">[Norm g; CBM 7]</span></p></div>',
    )
  })

  it('writes the annex with each pillar spanning its elements', () => {
    expect(html).toContain(
      '<tbody><tr><th scope="rowgroup" rowspan="2">Rules, norms and principles of responsible State behaviour</th>' +
        '<td>Norm a — Cooperate for stability and security in the use of ICTs</td><td>Not covered</td></tr>' +
        '<tr><td>Norm g — Protect its own critical infrastructure</td><td>R1, R2</td></tr></tbody>',
    )
    expect(html).toContain('<tbody><tr><th scope="rowgroup" rowspan="1">International law</th><td></td><td>Not covered</td></tr></tbody>')
  })

  it('marks a working copy only when it is one', () => {
    expect(html).not.toContain('Draft - not for submission')
    const working = draftToHtml(model, { ...testMeta, working: true }, coverage)
    expect(working).toContain('<body>\n<p class="working-copy">Draft - not for submission</p>\n<header>')
  })

  it('escapes every drafted text: no script in the draft reaches the page', () => {
    const hostile = testDraft(
      doc(
        heading(1, '<script>alert(1)</script>'),
        paragraph('<script>alert(2)</script> & "quotes"'),
        recommendation('"><script>alert(3)</script>', ['<img src=x onerror=alert(4)>'], '<b>bold?</b>'),
      ),
    )
    const page = draftToHtml(
      hostile.model,
      { ...testMeta, title: '</title><script>alert(5)</script>', symbol: '<i>', workspaceTitle: '<svg onload=alert(6)>' },
      hostile.coverage,
    )
    expect(page).not.toMatch(/<script|<img|<svg|<b>|<i>/)
    expect(page).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>')
    expect(page).toContain('<p>&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;quotes&quot;</p>')
    expect(page).toContain('data-recommendation-id="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"')
    expect(page).toContain('<span class="refs">[&lt;img src=x onerror=alert(4)&gt;]</span>')
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt;</title>')
    expect(page).toContain('<p class="workspace">&lt;svg onload=alert(6)&gt;</p>')
  })
})
