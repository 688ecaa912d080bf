/** What a sentence about a revision names: its label (the revision's name, kept as written), who cut it and when. */
import type { RevisionSummary } from '../api/revisions.ts'
import type { RichValues } from '../i18n/i18n.ts'
import { nameWithDelegation } from '../app/memberLine.ts'
import { formatWhen } from './revisionText.ts'

/** The values of `revisions.bannerTitle`, `revisions.restoreWillReplace`...: `<strong>` markup, `label`, `author`, `when`. */
export function revisionFacts(revision: Pick<RevisionSummary, 'label' | 'createdBy' | 'createdAt'>): RichValues {
  return {
    strong: (chunks) => <strong key="strong">{chunks}</strong>,
    label: (
      <bdi key="label" translate="no">
        {revision.label}
      </bdi>
    ),
    author: nameWithDelegation(revision.createdBy),
    when: formatWhen(revision.createdAt),
  }
}
