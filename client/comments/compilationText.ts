/** Words for the compilation of written inputs: counts, the preview's summary, the file name to fall back on. */
import type { Compilation, CompilationFormat, CompilationGrouping, CompiledInput } from '../api/comments.ts'
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

/** The compilation's groups with the text of each input, in the compilation's order. */
export function previewGroups({ inputs, groups, by }: Pick<Compilation, 'inputs' | 'groups' | 'by'>): PreviewGroup[] {
  const byThread = new Map(inputs.map((input) => [input.threadId, input]))
  return groups.map((group) => ({
    heading: group.heading,
    count: writtenInputs(group.threadIds.length),
    inputs: group.threadIds.flatMap((threadId) => {
      const input = byThread.get(threadId)
      return input ? [previewInput(input, by)] : []
    }),
  }))
}

function previewInput(input: CompiledInput, by: CompilationGrouping): PreviewInput {
  const { name, delegation } = input.author
  const replies = input.replies.length
  return {
    threadId: input.threadId,
    // Grouped by delegation, the heading names it already.
    who: by === 'paragraph' && delegation && delegation !== name ? t('comments.delegationWithName', { delegation, name }) : name,
    where: by === 'paragraph' ? null : input.location,
    quote: input.quote,
    body: input.body,
    replies: replies === 0 ? null : t('comments.replies', { count: replies }),
  }
}

/** The name the server gives the file, used only if its answer names none. */
export function compilationFileName(documentId: string, by: CompilationGrouping, format: CompilationFormat): string {
  return `${documentId}-written-inputs-by-${by}.${format}`
}
