/**
 * A compilation of written inputs (comment threads), grouped by delegation or by paragraph; the shared part of its
 * Markdown and DOCX writers: who is speaking, in which order, under which heading.
 */
import type { CompilationGrouping, CompiledAuthor, CompiledInput } from '../../shared/schema/compilation.ts'
import { regionalGroupLabels } from '../../shared/schema/member.ts'
import { formatExportDate } from './exportMeta.ts'

export type { CompilationGrouping, CompiledAuthor, CompiledInput }

export interface CompilationOptions {
  by: CompilationGrouping
  title: string
  symbol: string | null
  date: Date
}

export interface InputGroup {
  heading: string
  inputs: CompiledInput[]
}

export const detachedLocation = 'Detached'
export const stakeholderMark = 'stakeholder input'
export const noInputs = 'No written inputs.'

const roleHeadings: Record<string, string> = { cofacilitator: 'Co-facilitators', secretariat: 'Secretariat' }

function isDetached(input: CompiledInput): boolean {
  return input.location === detachedLocation
}

/** Document order, inputs on text no longer in the draft last, then the order they were made. */
function byDocumentOrder(a: CompiledInput, b: CompiledInput): number {
  return Number(isDetached(a)) - Number(isDetached(b)) || a.locationOrder - b.locationOrder || a.createdAt - b.createdAt
}

/** The delegation, the stakeholder's organisation, or the office ("Co-facilitators") an input speaks for. */
function speakerName(input: CompiledInput): string {
  const { author } = input
  return author.delegation ?? (input.stakeholder ? author.name : (roleHeadings[author.role] ?? author.name))
}

function regionalGroupLabel(regionalGroup: string): string {
  return Object.hasOwn(regionalGroupLabels, regionalGroup) ? regionalGroupLabels[regionalGroup as keyof typeof regionalGroupLabels] : regionalGroup
}

/** "Brazil (Latin American and Caribbean Group)", "Access Now (stakeholder input)", "Co-facilitators". */
export function speakerOf(input: CompiledInput): string {
  const name = speakerName(input)
  if (input.stakeholder) return `${name} (${stakeholderMark})`
  const { regionalGroup, delegation } = input.author
  return regionalGroup && delegation ? `${name} (${regionalGroupLabel(regionalGroup)})` : name
}

/** Member States first, then stakeholders, then the co-facilitators and the secretariat. */
function speakerRank(input: CompiledInput): number {
  if (input.stakeholder) return 1
  return input.author.delegation ? 0 : 2
}

function bySpeaker(a: CompiledInput, b: CompiledInput): number {
  return speakerRank(a) - speakerRank(b) || speakerName(a).localeCompare(speakerName(b), 'en', { sensitivity: 'base' })
}

/** Groups in the order of their first input; a group's heading is that of its first input saying the most. */
function grouped(inputs: CompiledInput[], keyOf: (input: CompiledInput) => string, headingOf: (input: CompiledInput) => string): InputGroup[] {
  const groups = new Map<string, CompiledInput[]>()
  for (const input of inputs) {
    const members = groups.get(keyOf(input))
    if (members) members.push(input)
    else groups.set(keyOf(input), [input])
  }
  return [...groups.values()].map((members) => {
    const headings = members.map(headingOf)
    return { heading: headings.reduce((longest, heading) => (heading.length > longest.length ? heading : longest)), inputs: members }
  })
}

/** Each group in document order, detached inputs last; groups by delegation alphabetical within their rank. */
export function groupInputs(inputs: readonly CompiledInput[], by: CompilationGrouping): InputGroup[] {
  const inDocumentOrder = [...inputs].sort(byDocumentOrder)
  if (by === 'paragraph') return grouped(inDocumentOrder, (input) => input.location, (input) => input.location)
  const speakerKey = (input: CompiledInput) => `${speakerRank(input)}:${speakerName(input).toLocaleLowerCase('en')}`
  return grouped(inDocumentOrder.sort(bySpeaker), speakerKey, speakerOf)
}

/** The heading of one input within its group: where it was made when grouped by delegation, who made it when by paragraph. */
export function entryHeading(input: CompiledInput, by: CompilationGrouping): string {
  return by === 'delegation' ? input.location : speakerOf(input)
}

/** "Ana Silva, 12 March 2025 (resolved)". */
export function inputAttribution(input: CompiledInput): string {
  return `${input.author.name}, ${formatExportDate(input.createdAt)}${input.resolved ? ' (resolved)' : ''}`
}

/** "Reply by Ana Silva (Brazil), 12 March 2025". */
export function replyAttribution(reply: CompiledInput['replies'][number]): string {
  const { author } = reply
  const affiliation = author.delegation ?? roleHeadings[author.role]
  const stakeholder = author.role === 'stakeholder' ? `, ${stakeholderMark}` : ''
  const speaker = affiliation ? `${author.name} (${affiliation}${stakeholder})` : author.name
  return `Reply by ${speaker}, ${formatExportDate(reply.createdAt)}`
}

export function compilationLines(inputs: readonly CompiledInput[], options: CompilationOptions): string[] {
  const count = inputs.length === 1 ? '1 written input' : `${inputs.length} written inputs`
  return [`${count}, grouped by ${options.by}`, formatExportDate(options.date)]
}

/** A body's paragraphs: blank lines separate them. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}
