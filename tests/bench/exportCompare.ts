/**
 * Export and comparison of a 300-paragraph, 60-recommendation draft: DOCX export, comparison of two revisions,
 * and the redline DOCX. References, measured in the same run: the docx library writing the same text as plain
 * paragraphs, and jsdiff's word diff of the two versions' whole text (what a general-purpose text compare does).
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { Document, Packer, Paragraph } from 'docx'
import { diffWords } from 'diff'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { type DraftDocJson, type DraftNodeJson, plainText } from '../../shared/schema/draftJson.ts'
import { draftToDocx } from '../../server/export/docx.ts'
import { comparisonToDocx } from '../../server/export/redline.ts'
import { draftFixture } from './draftFixture.ts'
import { met, ms, ratio, type Row } from './table.ts'

const quick = process.env.BENCH_QUICK === '1'
const runs = quick ? 5 : 20
const warmups = 3
const budgetMs = 500

/**
 * Rev.2 of the fixture: a word changed in every fifth paragraph, every tenth paragraph removed, three new
 * recommendations near the top (every later one is renumbered), and the links of every sixth recommendation changed.
 */
export function revise(json: DraftDocJson): DraftDocJson {
  const blocks = json.content ?? []
  const revised: DraftNodeJson[] = []
  let paragraphs = 0
  let recommendations = 0
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      paragraphs++
      if (paragraphs % 10 === 0) continue
      if (paragraphs % 5 === 0) {
        revised.push(paragraph(plainText(block).replace('States', 'Member States').replace('group', 'working group')))
        continue
      }
    }
    if (block.type === 'recommendation') {
      recommendations++
      if (recommendations % 6 === 0) {
        revised.push({ ...block, attrs: { ...block.attrs, refs: ['norm-c', 'cbm-3'] } })
        continue
      }
    }
    revised.push(block)
    if (revised.length === 3) {
      for (let i = 0; i < 3; i++) revised.push(recommendation(randomUUID(), ['cbm-1'], `New recommendation ${i + 1}: States should nominate points of contact.`))
    }
  }
  return { type: 'doc', content: revised }
}

interface Timing {
  median: number
  max: number
}

async function time(fn: () => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)], max: samples[samples.length - 1] }
}

export async function runExportCompareBenchmarks(log: (line: string) => void = console.log): Promise<Row[]> {
  const fixture = draftFixture({ paragraphs: 300, recommendations: 60 })
  const before = fixture.json
  const after = revise(before)
  const meta = { title: 'Annual summary and recommendations', symbol: 'A/AC.292/DTG1/2026/CRP.1', revisionLabel: 'Rev.2', date: new Date(), working: false }
  log(`export and comparison: ${fixture.paragraphs} paragraphs, ${fixture.recommendations} recommendations, ${runs} runs after ${warmups} warm-ups`)

  const docx = await time(async () => {
    const model = toDraftModel(after, builtInCatalogue)
    return draftToDocx(model, meta, coverage(model, builtInCatalogue))
  })
  const plainDocx = await time(() => {
    const lines = (after.content ?? []).map((block) => new Paragraph(plainText(block)))
    return Packer.toBuffer(new Document({ sections: [{ children: lines }] }))
  })
  const compare = await time(() => compareDrafts(toDraftModel(before, builtInCatalogue), toDraftModel(after, builtInCatalogue)))
  const textDiff = await time(() => diffWords(plainText(before), plainText(after)))
  const redline = await time(() =>
    comparisonToDocx(compareDrafts(toDraftModel(before, builtInCatalogue), toDraftModel(after, builtInCatalogue)), {
      title: meta.title,
      symbol: meta.symbol,
      fromLabel: 'Rev.1',
      toLabel: 'Rev.2',
      date: meta.date,
    }),
  )
  const summary = compareDrafts(toDraftModel(before, builtInCatalogue), toDraftModel(after, builtInCatalogue)).summary
  log(`comparison found: ${JSON.stringify(summary)}`)

  const row = (metric: string, ours: Timing, reference: Timing | null, referenceName: string, target: boolean): Row => ({
    metric,
    ours: `${ms(ours.median)} (max ${ms(ours.max)})`,
    reference: reference ? `${ms(reference.median)} (${referenceName})` : 'n/a',
    ratio: reference ? ratio(ours.median, reference.median) : '',
    target: target ? `< ${budgetMs} ms` : 'informational',
    met: target ? met(ours.max < budgetMs) : '',
  })
  return [
    row('DOCX export, 300 paras + 60 recs, median (ms)', docx, plainDocx, 'docx lib, plain paragraphs', true),
    row('compare two revisions, median (ms)', compare, textDiff, 'jsdiff words, whole text', true),
    row('redline DOCX of the comparison, median (ms)', redline, null, '', false),
  ]
}
