/** What to tell a member whose permissions on the open document changed while they had it open (pure). */
import type { DocumentPermissions } from '../api/types.ts'

const lead = 'Your role in this workspace changed'

/** The sentence for the change from `before` to `after`, or null when nothing the member may do here changed. */
export function accessChangeNotice(before: DocumentPermissions, after: DocumentPermissions): string | null {
  if (!before.write && after.write) return `${lead}: you can now edit this document.`
  if (before.write && !after.write) return `${lead}: this document is now read-only for you.`
  const changed = (Object.keys(after) as (keyof DocumentPermissions)[]).some((key) => before[key] !== after[key])
  return changed ? `${lead}: what you may do on this document has changed.` : null
}
