/** The framework catalogue in force: the built-in one with the secretariat's latest override, every override kept. */
import { CatalogueOverride, UnknownRetirementError, builtInCatalogue, mergeCatalogue, type FrameworkCatalogue } from '../../shared/framework/index.ts'
import { emptyOverride } from '../../shared/framework/overrideEdits.ts'
import type { CatalogueRevision, CatalogueVersionDetail } from '../../shared/schema/catalogue.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Sqlite } from '../store/sqlite.ts'

function mergedOrRefused(override: CatalogueOverride): FrameworkCatalogue {
  try {
    return mergeCatalogue(builtInCatalogue, override)
  } catch (error) {
    if (error instanceof UnknownRetirementError) throw new ApiError(422, 'catalogue_unknown_retirement', error.message, { ids: error.ids })
    throw error
  }
}

interface Latest {
  revision: number
  catalogue: FrameworkCatalogue
}

export class CatalogueStore {
  private cached: Latest | null = null
  /** Called after the catalogue in force has changed, with its new revision. */
  readonly changeListeners = new Set<(change: { revision: number; version: string }) => void>()
  private readonly latestStmt
  private readonly oneStmt
  private readonly insertStmt
  private readonly historyStmt

  constructor(private readonly db: Sqlite) {
    this.latestStmt = db.prepare<[], { revision: number; override: string }>(
      'SELECT version AS revision, override FROM catalogue_versions ORDER BY version DESC LIMIT 1',
    )
    this.oneStmt = db.prepare<[number], { override: string }>('SELECT override FROM catalogue_versions WHERE version = ?')
    this.insertStmt = db.prepare<[string, number | null, number]>(
      'INSERT INTO catalogue_versions (override, created_by, created_at) VALUES (?, ?, ?)',
    )
    this.historyStmt = db.prepare<[], { revision: number; override: string; createdBy: number | null; createdByName: string | null; createdAt: number }>(
      `SELECT v.version AS revision, v.override, v.created_by AS createdBy, m.name AS createdByName, v.created_at AS createdAt
       FROM catalogue_versions v LEFT JOIN members m ON m.id = v.created_by ORDER BY v.version DESC`,
    )
  }

  private latest(): Latest {
    if (!this.cached) {
      const row = this.latestStmt.get()
      this.cached = row
        ? { revision: row.revision, catalogue: mergeCatalogue(builtInCatalogue, CatalogueOverride.parse(JSON.parse(row.override))) }
        : { revision: 0, catalogue: builtInCatalogue }
    }
    return this.cached
  }

  /** Forgets the catalogue in force (another instance saved a new one): read again when next asked. */
  invalidate(): void {
    this.cached = null
  }

  current(): FrameworkCatalogue {
    return this.latest().catalogue
  }

  /** The revision of the catalogue in force (0: the built-in catalogue, never overridden). */
  currentRevision(): number {
    return this.latest().revision
  }

  /**
   * Stores a new override, replacing the previous one. Throws ApiError 409 when `baseRevision` is given and is not
   * the latest (someone saved meanwhile), 422 when it retires ids the catalogue does not have.
   */
  replaceOverride(override: CatalogueOverride, memberId: number | null, baseRevision?: number): Latest {
    const saved = this.db.transaction(() => {
      const latest = this.latestStmt.get()?.revision ?? 0
      if (baseRevision !== undefined && baseRevision !== latest) {
        throw new ApiError(409, 'catalogue_changed', `the catalogue was changed meanwhile (now revision ${latest}, this change was made on ${baseRevision}); reload and apply the change again`, {
          revision: latest,
        })
      }
      const catalogue = mergedOrRefused(override)
      const { lastInsertRowid } = this.insertStmt.run(JSON.stringify(override), memberId, Date.now())
      return { revision: Number(lastInsertRowid), catalogue }
    })()
    this.cached = saved
    for (const listener of this.changeListeners) listener({ revision: saved.revision, version: saved.catalogue.version })
    return saved
  }

  history(): CatalogueRevision[] {
    return this.historyStmt.all().map(({ override, ...row }) => {
      const parsed = JSON.parse(override) as { version: string; elements: unknown[] }
      return { ...row, version: parsed.version, entries: parsed.elements.length }
    })
  }

  /** A kept version: 0 is the built-in catalogue; null for a revision that does not exist. */
  version(revision: number): CatalogueVersionDetail | null {
    if (revision === 0) return { revision, override: emptyOverride, catalogue: builtInCatalogue }
    const row = this.oneStmt.get(revision)
    if (!row) return null
    const override = CatalogueOverride.parse(JSON.parse(row.override))
    return { revision, override, catalogue: mergeCatalogue(builtInCatalogue, override) }
  }
}
