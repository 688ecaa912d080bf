/** How every export cites: paragraph numbers "12.", recommendation numbers "R4", framework links "[Norm g; CBM 7]". */
import type { ModelRef } from '../../shared/model/draftModel.ts'

export function paragraphLabel(number: number): string {
  return `${number}.`
}

export function recommendationLabel(number: number): string {
  return `R${number}`
}

/** The links of a recommendation in the order the draft gives them; empty for none. */
export function refsCitation(refs: readonly Pick<ModelRef, 'label'>[]): string {
  return refs.length === 0 ? '' : `[${refs.map((ref) => ref.label).join('; ')}]`
}
