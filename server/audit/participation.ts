/** Who contributed to a document, and how each UN regional group took part in a workspace over time. */
import { type Author, type RegionalGroup, regionalGroupLabels, regionalGroups } from '../../shared/schema/member.ts'
import type {
  Contributors,
  Participation,
  ParticipationBucket as Bucket,
  ParticipationCounts,
  ParticipationGroupId,
} from '../../shared/schema/participation.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import { sql } from 'kysely'
import { rowsOf, type Db } from '../store/database.ts'
import { type EditActivity, editSessions } from './editSessions.ts'

const dayMs = 86_400_000

/** Start of the UTC day, or of the ISO week (Monday), holding `at`. */
export function bucketStart(at: number, bucket: Bucket): number {
  const day = Math.floor(at / dayMs)
  if (bucket === 'day') return day * dayMs
  // 1970-01-01 was a Thursday: day + 3 counts from a Monday.
  return (day - ((day + 3) % 7)) * dayMs
}

const authorColumns = memberColumns()

type AuthorRow = Author & Record<string, unknown>

export class ParticipationLog {
  constructor(private readonly db: Db) {}

  async contributors(documentId: string, recentLimit = 200): Promise<Contributors> {
    const columns = sql.raw(authorColumns)
    const totals = await rowsOf(
      this.db,
      sql<AuthorRow & { updates: number; bytes: number; firstAt: number; lastAt: number }>`
        SELECT ${columns}, sum(c.updates) AS "updates", sum(c.bytes) AS "bytes", min(c.first_at) AS "firstAt", max(c.last_at) AS "lastAt"
        FROM contributions c JOIN members m ON m.id = c.member_id
        WHERE c.document_id = ${documentId} GROUP BY m.id ORDER BY "lastAt" DESC`,
    )
    const recent = await rowsOf(
      this.db,
      sql<AuthorRow & { at: number; updates: number; bytes: number }>`
        SELECT ${columns}, c.last_at AS "at", c.updates, c.bytes
        FROM contributions c JOIN members m ON m.id = c.member_id
        WHERE c.document_id = ${documentId} ORDER BY c.minute DESC, c.last_at DESC LIMIT ${recentLimit}`,
    )
    return {
      contributors: totals.map((row) => ({
        author: memberOfRow(row),
        updates: Number(row.updates),
        bytes: Number(row.bytes),
        firstAt: row.firstAt,
        lastAt: row.lastAt,
      })),
      recent: recent.map((row) => ({ author: memberOfRow(row), at: row.at, updates: row.updates, bytes: row.bytes })),
    }
  }

  /**
   * Edits and comments per regional group and period; members without a group count as "none". Edits are editing
   * sessions (editSessions.ts), counted in the period each began, not raw updates: a keystroke is an update.
   */
  async participation(workspaceId: string, bucket: Bucket): Promise<Participation> {
    const groups: Participation['groups'] = [
      ...regionalGroups.map((id) => ({ id, label: regionalGroupLabels[id] })),
      { id: 'none' as const, label: 'No regional group (secretariat, stakeholders, others)' },
    ]
    const series = new Map<number, { start: number; counts: Record<ParticipationGroupId, ParticipationCounts> }>()
    const add = (day: number, group: RegionalGroup | null, kind: 'edits' | 'comments', n: number) => {
      const start = bucketStart(day * dayMs, bucket)
      let entry = series.get(start)
      if (!entry) {
        const counts = Object.fromEntries(groups.map(({ id }) => [id, { edits: 0, comments: 0 }])) as Record<ParticipationGroupId, ParticipationCounts>
        series.set(start, (entry = { start, counts }))
      }
      entry.counts[group ?? 'none'][kind] += n
    }
    const activity = await rowsOf(
      this.db,
      sql<EditActivity & { regionalGroup: RegionalGroup | null }>`
        SELECT c.member_id AS "memberId", c.document_id AS "documentId", c.first_at AS "firstAt", c.last_at AS "lastAt", m.regional_group AS "regionalGroup"
        FROM contributions c JOIN documents d ON d.id = c.document_id JOIN members m ON m.id = c.member_id
        WHERE d.workspace_id = ${workspaceId} ORDER BY c.member_id, c.document_id, c.first_at`,
    )
    // Whole days: integer division on both databases (the times are integers).
    const comments = await rowsOf(
      this.db,
      sql<{ day: number; regionalGroup: RegionalGroup | null; n: number }>`
        SELECT k.created_at / ${sql.raw(String(dayMs))} AS "day", m.regional_group AS "regionalGroup", count(*) AS "n"
        FROM comments k JOIN comment_threads t ON t.id = k.thread_id JOIN documents d ON d.id = t.document_id
        JOIN members m ON m.id = k.author_id
        WHERE d.workspace_id = ${workspaceId} AND k.deleted_at IS NULL GROUP BY k.created_at / ${sql.raw(String(dayMs))}, m.regional_group`,
    )
    for (const session of editSessions(activity)) add(Math.floor(session.start / dayMs), session.first.regionalGroup, 'edits', 1)
    for (const row of comments) add(Number(row.day), row.regionalGroup, 'comments', Number(row.n))
    return { bucket, groups, series: [...series.values()].sort((a, b) => a.start - b.start) }
  }
}
