/** A draft as Akoma Ntoso 3.0 XML (the vocabulary the UN's AKN4UN guidelines profile): FRBR identification, numbered paragraphs with stable eIds, framework links as references. */
import type { DraftBlock, DraftModel, ModelRef, RecommendationBlock, TextLine, TextRun } from '../../shared/model/draftModel.ts'
import { distributionLabels, languageCodes3, languageNames } from '../../shared/schema/documentMetadata.ts'
import { paragraphLabel, recommendationLabel } from './citation.ts'
import { documentMetadataOf, type ExportMeta, formatExportDate, workingCopyMark } from './exportMeta.ts'

export const akomaNtosoNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
/** Where the framework of responsible State behaviour lives in the ontology: one concept per catalogue element. */
export const frameworkOntology = '/akn/ontology/concepts/un/ictFramework'

export interface AkomaNtosoOptions {
  /** When this file (the manifestation) is made; now unless given. */
  generatedAt?: Date
}

/** Characters XML 1.0 forbids anywhere, even escaped. */
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function xml(text: string): string {
  return text.replace(forbiddenInXml, '').replace(/[&<>"]/g, (character) => xmlEntities[character])
}

/** "2026-03-12", in UTC like every export's date. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** An eId or URI component: letters, digits, "_", "-" and "." only. */
function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'
}

/** A recommendation's eId comes from its stable id, so it stays the same across revisions whatever its number. */
export function recommendationEid(block: Pick<RecommendationBlock, 'id' | 'number'>): string {
  return block.id === null ? `rec_unidentified_${block.number}` : `rec_${idPart(block.id)}`
}

export function paragraphEid(number: number): string {
  return `para_${number}`
}

export function frameworkConceptEid(refId: string): string {
  return `fw_${idPart(refId)}`
}

function runXml(run: TextRun): string {
  let text = xml(run.text).replaceAll('\n', '<eol/>')
  if (run.italic) text = `<i>${text}</i>`
  if (run.bold) text = `<b>${text}</b>`
  return text
}

function lineXml(line: TextLine, extra = ''): string {
  return `<p>${line.runs.map(runXml).join('')}${extra}</p>`
}

function refXml(ref: ModelRef): string {
  return `<ref href="${xml(`${frameworkOntology}/${ref.id}`)}" refersTo="#${frameworkConceptEid(ref.id)}">${xml(ref.label)}</ref>`
}

/** A sub-paragraph: its label, its own lines (the label's lead run left out), the sub-paragraphs under it and the lines after them. */
interface Point {
  label: string
  lines: TextLine[]
  points: Point[]
  wrapUp: TextLine[]
}

/** The lines before the first sub-paragraph, the sub-paragraphs as a tree by their levels, and the lines after them. */
function pointTree(lines: readonly TextLine[]): { intro: TextLine[]; points: Point[]; wrapUp: TextLine[] } {
  const root = { intro: [] as TextLine[], points: [] as Point[], wrapUp: [] as TextLine[] }
  const open: Point[] = []
  for (const line of lines) {
    const level = line.level ?? 0
    if (line.label === undefined) {
      // A line of the sub-paragraph at its level (or of the numbered paragraph itself): after sub-paragraphs of its own, it wraps them up.
      const owner = level > 0 ? open[level - 1] : undefined
      if (owner) (owner.points.length > 0 ? owner.wrapUp : owner.lines).push(line)
      else (root.points.length > 0 ? root.wrapUp : root.intro).push(line)
      continue
    }
    open.length = Math.min(open.length, Math.max(0, level - 1))
    const point: Point = { label: line.label, lines: [{ text: line.text, runs: line.runs.slice(1) }], points: [], wrapUp: [] }
    ;(open.at(-1)?.points ?? root.points).push(point)
    open.push(point)
  }
  return root
}

const linesXml = (lines: readonly TextLine[]) => lines.map((line) => lineXml(line)).join('')

/** Sub-paragraphs as AKN's list of points, each point numbered "(a)" with a stable eId under its paragraph's. */
function listXml(intro: readonly TextLine[], points: readonly Point[], wrapUp: readonly TextLine[], eId: string): string {
  const pointsXml = points.map((point) => {
    const pointEid = `${eId}__point_${idPart(point.label.replace(/[()]/g, ''))}`
    const body = point.points.length > 0 ? listXml(point.lines, point.points, point.wrapUp, `${pointEid}__list_1`) : `<content>${linesXml(point.lines)}</content>`
    return `<point eId="${pointEid}"><num>${xml(point.label)}</num>${body}</point>`
  })
  const introXml = intro.length > 0 ? `<intro>${linesXml(intro)}</intro>` : ''
  const wrapUpXml = wrapUp.length > 0 ? `<wrapUp>${linesXml(wrapUp)}</wrapUp>` : ''
  return `<list eId="${eId}">${introXml}${pointsXml.join('')}${wrapUpXml}</list>`
}

function numberedBlockXml(block: Exclude<DraftBlock, { kind: 'heading' }>, indent: string): string {
  if (block.kind === 'paragraph') {
    const eId = paragraphEid(block.number)
    const { intro, points, wrapUp } = pointTree(block.lines)
    const lines = block.lines.length > 0 ? block.lines.map((line) => lineXml(line)) : ['<p/>']
    const body = points.length > 0 ? listXml(intro, points, wrapUp, `${eId}__list_1`) : `<content>${lines.join('')}</content>`
    return `${indent}<paragraph eId="${eId}"><num>${paragraphLabel(block.number)}</num>${body}</paragraph>`
  }
  const refs = block.refs.length > 0 ? ` [${block.refs.map(refXml).join('; ')}]` : ''
  const lines = block.paragraphs.length > 0 ? block.paragraphs : [{ text: '', runs: [] }]
  const content = lines.map((line, index) => lineXml(line, index === lines.length - 1 ? refs : '')).join('')
  return `${indent}<paragraph eId="${recommendationEid(block)}" class="recommendation"><num>${recommendationLabel(block.number)}.</num><content>${content}</content></paragraph>`
}

/** "I. Introduction" as its number and its heading; a heading without a number of that kind is all heading. */
const headingNumber = /^((?:[IVXLC]+|[A-Z]|\d+)\.)\s+(\S[\s\S]*)$/

interface Section {
  level: number
  heading: string
  children: string[]
}

/**
 * The body as nested sections: a heading opens a section holding what follows it, up to the next heading of its level
 * or higher. Paragraphs before the first heading stand at the top.
 */
function bodyXml(model: DraftModel): string[] {
  const top: string[] = []
  const open: Section[] = []
  let sections = 0
  const indentOf = (depth: number) => '      ' + '  '.repeat(depth)
  const close = (level: number) => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const section = open.pop()!
      const indent = indentOf(open.length)
      const children = section.children.length > 0 ? section.children : [`${indent}  <content><p/></content>`]
      const xmlText = [`${indent}<section ${section.heading}`, ...children, `${indent}</section>`].join('\n')
      ;(open.length > 0 ? open[open.length - 1].children : top).push(xmlText)
    }
  }
  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      close(block.level)
      sections += 1
      const runs = block.runs.map(runXml).join('')
      const numbered = headingNumber.exec(block.text)
      const heading =
        numbered && block.runs.every((run) => !run.bold && !run.italic)
          ? `<num>${xml(numbered[1])}</num><heading>${xml(numbered[2]).replaceAll('\n', '<eol/>')}</heading>`
          : `<heading>${runs}</heading>`
      open.push({ level: block.level, heading: `eId="sec_${sections}">${heading}`, children: [] })
      continue
    }
    const target = open.length > 0 ? open[open.length - 1].children : top
    target.push(numberedBlockXml(block, indentOf(open.length)))
  }
  close(0)
  return top.length > 0 ? top : ['      <p/>']
}

/** Every catalogue element the draft links to, once, in the order first linked. */
function linkedElements(model: DraftModel): ModelRef[] {
  const seen = new Map<string, ModelRef>()
  for (const block of model.blocks) {
    if (block.kind !== 'recommendation') continue
    for (const ref of block.refs) if (!seen.has(ref.id)) seen.set(ref.id, ref)
  }
  return [...seen.values()]
}

function conceptXml(ref: ModelRef): string {
  const name = ref.title ? `${ref.label} — ${ref.title}` : ref.label
  return `      <TLCConcept eId="${frameworkConceptEid(ref.id)}" href="${xml(`${frameworkOntology}/${ref.id}`)}" showAs="${xml(name)}"/>`
}

export function draftToAkomaNtoso(model: DraftModel, meta: ExportMeta & { kind?: string }, options: AkomaNtosoOptions = {}): string {
  const metadata = documentMetadataOf(meta)
  const language = languageCodes3[metadata.originalLanguage]
  const name = idPart(meta.kind ?? 'document')
  const number = idPart(metadata.symbol ?? meta.title)
  const workDate = isoDate(meta.workDate ?? meta.date)
  const expressionDate = isoDate(meta.date)
  const generatedDate = isoDate(options.generatedAt ?? new Date())
  const work = `/akn/un/doc/${name}/${workDate}/${number}`
  const expression = `${work}/${language}@${expressionDate}`
  const author = '#author'
  const frbr = (element: string, uri: string, date: string, dateName: string, extra: string[], main = `${uri}/!main`) =>
    [
      `        <${element}>`,
      `          <FRBRthis value="${xml(main)}"/>`,
      `          <FRBRuri value="${xml(uri)}"/>`,
      `          <FRBRdate date="${date}" name="${dateName}"/>`,
      `          <FRBRauthor href="${author}"/>`,
      ...extra.map((line) => `          ${line}`),
      `        </${element}>`,
    ].join('\n')
  const preface = [
    ...(metadata.symbol ? [`      <p class="symbol"><docNumber>${xml(metadata.symbol)}</docNumber></p>`] : []),
    `      <p class="distribution">Distr.: <docStatus>${distributionLabels[metadata.distribution]}</docStatus></p>`,
    `      <p class="date"><docDate date="${expressionDate}">${formatExportDate(meta.date)}</docDate></p>`,
    `      <p class="originalLanguage">Original: ${languageNames[metadata.originalLanguage]}</p>`,
    ...(metadata.bodyName ? [`      <p class="body"><docProponent>${xml(metadata.bodyName)}</docProponent></p>`] : []),
    ...(metadata.session ? [`      <p class="session"><session value="${xml(metadata.session)}">${xml(metadata.session)}</session></p>`] : []),
    ...(metadata.agendaItem ? [`      <p class="agendaItem">${xml(metadata.agendaItem)}</p>`] : []),
    `      <longTitle><p><docTitle>${xml(meta.title)}</docTitle></p></longTitle>`,
    ...(meta.revisionLabel ? [`      <p class="revision"><docStage>${xml(meta.revisionLabel)}</docStage></p>`] : []),
    ...(meta.working ? [`      <p class="workingCopy"><docStatus>${workingCopyMark}</docStatus></p>`] : []),
  ]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${akomaNtosoNamespace}">`,
    `  <doc name="${name}">`,
    '    <meta>',
    `      <identification source="${author}">`,
    frbr('FRBRWork', work, workDate, 'creation', [
      '<FRBRcountry value="un"/>',
      ...(metadata.symbol ? [`<FRBRnumber value="${xml(metadata.symbol)}"/>`] : []),
      `<FRBRname value="${xml(meta.title)}"/>`,
    ]),
    frbr('FRBRExpression', expression, expressionDate, meta.revisionLabel ? 'revision' : 'export', [
      ...(meta.revisionLabel ? [`<FRBRversionNumber value="${xml(meta.revisionLabel)}"/>`] : []),
      `<FRBRlanguage language="${language}"/>`,
    ]),
    frbr('FRBRManifestation', `${expression}.akn`, generatedDate, 'generation', ['<FRBRformat value="application/akn+xml"/>'], `${expression}/!main.xml`),
    '      </identification>',
    `      <references source="${author}">`,
    `      <TLCOrganization eId="author" href="/akn/ontology/organizations/un/${idPart(metadata.bodyName ?? 'unitedNations')}" showAs="${xml(metadata.bodyName ?? 'United Nations')}"/>`,
    ...linkedElements(model).map(conceptXml),
    '      </references>',
    '    </meta>',
    '    <preface>',
    ...preface,
    '    </preface>',
    '    <mainBody>',
    ...bodyXml(model),
    '    </mainBody>',
    '  </doc>',
    '</akomaNtoso>',
    '',
  ].join('\n')
}
