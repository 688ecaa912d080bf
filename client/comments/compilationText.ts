/** Words for the compilation of written inputs: counts, the preview's summary, the file name to fall back on. */
import type { Compilation, CompilationFormat, CompilationGrouping } from '../api/comments.ts'

export function writtenInputs(count: number): string {
  return count === 1 ? '1 written input' : `${count} written inputs`
}

/** "3 written inputs under 2 headings, by delegation"; a compilation without inputs says so. */
export function compilationSummary({ inputs, groups, by }: Pick<Compilation, 'inputs' | 'groups' | 'by'>): string {
  if (inputs.length === 0) return 'No written inputs yet: nobody has commented on this document.'
  const headings = groups.length === 1 ? '1 heading' : `${groups.length} headings`
  return `${writtenInputs(inputs.length)} under ${headings}, by ${by}`
}

/** The name the server gives the file, used only if its answer names none. */
export function compilationFileName(documentId: string, by: CompilationGrouping, format: CompilationFormat): string {
  return `${documentId}-written-inputs-by-${by}.${format}`
}
