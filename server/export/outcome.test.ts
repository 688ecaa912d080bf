import { describe, expect, it } from 'vitest'
import type { OutcomeRecord } from '../../shared/schema/procedures.ts'
import { paragraphTexts, readDocx } from '../../tests/helpers/readDocx.ts'
import { outcomeToDocx } from './outcomeDocx.ts'
import { outcomeToMarkdown } from './outcomeMarkdown.ts'

const deadline = Date.UTC(2026, 10, 29, 15, 0)

const broken: OutcomeRecord = {
  procedureId: 3,
  kind: 'silence',
  outcome: 'broken',
  documentId: 'dtg1-2026-recs',
  documentTitle: 'Recommendations on critical infrastructure',
  symbol: 'A/AC.292/2026/DTG.1/CRP.1',
  revision: { id: 4, label: 'Rev.2' },
  deadline,
  openedBy: 'Amina Odhiambo',
  openedAt: deadline - 3 * 86_400_000,
  settledAt: deadline + 12,
  objections: [
    { delegation: 'Kenya', block: { position: 2, number: '12' }, reason: 'We cannot accept *this* wording.\n# not a heading', memberName: 'Delegate of Kenya', at: deadline - 3_600_000 },
    { delegation: 'Brazil', block: { position: 7, number: 'R4' }, reason: 'The link to [norm g](http://x) is missing <b>.', memberName: 'Delegate of Brazil', at: deadline - 60_000 },
  ],
  brokenBy: [
    { delegation: 'Kenya', blocks: ['12'] },
    { delegation: 'Brazil', blocks: ['R4'] },
  ],
}

const adopted: OutcomeRecord = { ...broken, outcome: 'adopted', objections: [], brokenBy: [] }

describe('outcome record as Markdown', () => {
  it('states who broke silence on which paragraphs, with each reason, and the times in New York time', () => {
    const md = outcomeToMarkdown(broken)
    expect(md).toContain('# Silence procedure on Rev.2: Recommendations on critical infrastructure')
    expect(md).toContain('Silence on Rev.2 was broken before 29 November 2026, 10:00 New York time by Kenya (paragraph 12); Brazil (recommendation R4).')
    expect(md).toContain('Deadline: 29 November 2026, 10:00 New York time (2026-11-29T15:00:00.000Z)')
    expect(md).toContain('Kenya, on paragraph 12 (received 29 November 2026, 09:00 New York time, from Delegate of Kenya)')
  })

  it('escapes every field: a reason cannot make a heading, emphasis, a link or HTML', () => {
    const md = outcomeToMarkdown(broken)
    expect(md).toContain('We cannot accept \\*this\\* wording.')
    expect(md).toContain('> \\# not a heading')
    expect(md).toContain('\\[norm g\\](http://x) is missing \\<b\\>')
    expect(md).not.toMatch(/^# not a heading/m)
    const hostile = outcomeToMarkdown({ ...broken, documentTitle: '_Title_ <script>', symbol: '# A/1' })
    expect(hostile).toContain('\\# A/1')
    expect(hostile).toContain('\\_Title\\_ \\<script\\>')
  })

  it('records an adoption with no objection', () => {
    const md = outcomeToMarkdown(adopted)
    expect(md).toContain('Rev.2 was adopted under silence on 29 November 2026: no delegation broke silence before 29 November 2026, 10:00 New York time.')
    expect(md).toContain('No delegation broke silence.')
  })
})

describe('outcome record as DOCX', () => {
  it('holds the title, the result, each objection and its reason', async () => {
    const { document, headers } = readDocx(await outcomeToDocx(broken))
    const texts = paragraphTexts(document)
    expect(texts).toContain('Silence procedure on Rev.2: Recommendations on critical infrastructure')
    expect(texts).toContain('Silence on Rev.2 was broken before 29 November 2026, 10:00 New York time by Kenya (paragraph 12); Brazil (recommendation R4).')
    expect(texts.some((text) => text.startsWith('Brazil, on recommendation R4') && text.includes('is missing <b>.'))).toBe(true)
    expect(headers).toContain('A/AC.292/2026/DTG.1/CRP.1')
  })

  it('records an adoption', async () => {
    const texts = paragraphTexts(readDocx(await outcomeToDocx(adopted)).document)
    expect(texts).toContain('No delegation broke silence.')
  })
})
