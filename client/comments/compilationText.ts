/** Words for the compilation of written inputs: counts, the preview's summary, the file name to fall back on. */
import type { Compilation, CompilationFormat, CompilationGrouping, CompiledInput } from '../api/comments.ts'
import { regionalGroupLabel } from '../app/regionalGroupLabels.ts'
import { t } from '../i18n/i18n.ts'

export function writtenInputs(count: number): string {
  return t('comments.writtenInputs', { count })
}

const summaries: Record<CompilationGrouping, string> = { delegation: 'comments.compilationSummaryByDelegation', paragraph: 'comments.compilationSummaryByParagraph' }

/** "3 written inputs under 2 headings, by delegation"; a compilation without inputs says so. */
export function compilationSummary({ inputs, groups, by }: Pick<Compilation, 'inputs' | 'groups' | 'by'>): string {
  if (inputs.length === 0) return t('comments.compilationEmpty')
  return t(summaries[by], { inputs: inputs.length, headings: groups.length })
}

/** One written input as the preview shows it: who, where, on what text, what they wrote, how many replies. */
export interface PreviewInput {
  threadId: string
  /** "Kenya (Wanjiru Kamau)"; the name alone without a delegation, or under the delegation's heading. */
  who: string
  /** "Paragraph 3", "R4", "General": left out when the grouping already says it. */
  where: string | null
  quote: string
  body: string
  replies: string | null
}

export interface PreviewGroup {
  heading: string
  count: string
  inputs: PreviewInput[]
}

/**
 * Where an input was made, in the reader's language: the server names it in English ("Paragraph 12", "R4", "General",
 * "Detached", "Heading: …"); a form it does not know is shown as it came.
 */
export function inputLocation(location: string): string {
  const paragraph = /^Paragraph (\d+)$/.exec(location)
  if (paragraph) return t('comments.locationParagraph', { number: paragraph[1] })
  const recommendation = /^R(\d+)$/.exec(location)
  if (recommendation) return t('comments.locationRecommendation', { number: recommendation[1] })
  if (location === 'General') return t('comments.locationGeneral')
  if (location === 'Detached') return t('comments.locationDetached')
  const heading = /^Heading: ([\s\S]*)$/.exec(location)
  if (heading) return t('comments.locationHeading', { text: heading[1] })
  return location
}

const isStakeholderInput = (input: CompiledInput) => input.stakeholder || input.author.role === 'stakeholder'

/** Who an input speaks for, as the compilation heads it: "Brazil (Latin American and Caribbean Group)", "Access Now (stakeholder input)", "Co-facilitators". */
function speakerHeading(input: CompiledInput): string {
  const { author } = input
  const stakeholder = isStakeholderInput(input)
  const office = author.role === 'cofacilitator' ? t('comments.cofacilitatorsHeading') : author.role === 'secretariat' ? t('comments.secretariatHeading') : author.name
  const name = author.delegation ?? (stakeholder ? author.name : office)
  if (stakeholder) return t('comments.stakeholderHeading', { name })
  if (author.regionalGroup && author.delegation) return t('comments.delegationWithGroup', { name, group: regionalGroupLabel(author.regionalGroup) })
  return name
}

/** A group's heading in the reader's language, from its inputs (the server's, in English, when none is at hand). */
function groupHeading(members: CompiledInput[], by: CompilationGrouping, fallback: string): string {
  if (members.length === 0) return fallback
  if (by === 'paragraph') return inputLocation(members[0]!.location)
  // The input saying the most, as the server chooses it: one naming a regional group or marked as stakeholder input.
  return speakerHeading(members.find((input) => isStakeholderInput(input) || (input.author.regionalGroup && input.author.delegation)) ?? members[0]!)
}

/** The compilation's groups with the text of each input, in the compilation's order. */
export function previewGroups({ inputs, groups, by }: Pick<Compilation, 'inputs' | 'groups' | 'by'>): PreviewGroup[] {
  const byThread = new Map(inputs.map((input) => [input.threadId, input]))
  return groups.map((group) => {
    const members = group.threadIds.flatMap((threadId) => byThread.get(threadId) ?? [])
    return {
      heading: groupHeading(members, by, group.heading),
      count: writtenInputs(group.threadIds.length),
      inputs: members.map((input) => previewInput(input, by)),
    }
  })
}

function previewInput(input: CompiledInput, by: CompilationGrouping): PreviewInput {
  const { name, delegation } = input.author
  const replies = input.replies.length
  return {
    threadId: input.threadId,
    // Grouped by delegation, the heading names it already.
    who: by === 'paragraph' && delegation && delegation !== name ? t('comments.delegationWithName', { delegation, name }) : name,
    where: by === 'paragraph' ? null : inputLocation(input.location),
    quote: input.quote,
    body: input.body,
    replies: replies === 0 ? null : t('comments.replies', { count: replies }),
  }
}

/** The name the server gives the file, used only if its answer names none. */
export function compilationFileName(documentId: string, by: CompilationGrouping, format: CompilationFormat): string {
  return `${documentId}-written-inputs-by-${by}.${format}`
}
