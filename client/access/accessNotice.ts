/** What to tell a member whose permissions on the open document changed while they had it open (pure over the catalogue). */
import type { DocumentPermissions } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'

/** The sentence for the change from `before` to `after`, or null when nothing the member may do here changed. */
export function accessChangeNotice(before: DocumentPermissions, after: DocumentPermissions): string | null {
  if (!before.write && after.write) return t('access.canNowEdit')
  if (before.write && !after.write) return t('access.nowReadOnly')
  const changed = (Object.keys(after) as (keyof DocumentPermissions)[]).some((key) => before[key] !== after[key])
  return changed ? t('access.permissionsChanged') : null
}
