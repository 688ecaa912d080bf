/** The framework catalogue in force: the built-in one with the secretariat's latest override, every override kept. */
import { CatalogueOverride, UnknownRetirementError, builtInCatalogue, mergeCatalogue, type FrameworkCatalogue } from '../../shared/framework/index.ts'
import { emptyOverride } from '../../shared/framework/overrideEdits.ts'
import type { CatalogueRevision, CatalogueVersionDetail } from '../../shared/schema/catalogue.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { inTransaction, lockKey, type Db } from '../store/database.ts'

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

/**
 * The catalogue in force is kept in memory, read at start (`open`): validation asks for it on every change. A change made
 * here replaces it at once; `reload()` takes in one made elsewhere (another instance).
 */
export class CatalogueStore {
  private cached: Latest = { revision: 0, catalogue: builtInCatalogue }
  /** Called after the catalogue in force has changed, with its new revision. */
  readonly changeListeners = new Set<(change: { revision: number; version: string }) => void>()

  constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<CatalogueStore> {
    const store = new CatalogueStore(db)
    await store.reload()
    return store
  }

  private latestRow(db: Db) {
    return db.selectFrom('catalogue_versions').select(['version as revision', 'override']).orderBy('version', 'desc').limit(1).executeTakeFirst()
  }

  /** Reads the catalogue in force again; listeners hear of it when it changed (unless `quietly`). */
  async reload({ quietly = false }: { quietly?: boolean } = {}): Promise<void> {
    const row = await this.latestRow(this.db)
    const revision = row?.revision ?? 0
    // A read that started before a newer save here must not put the older catalogue back.
    if (revision <= this.cached.revision) return
    this.cached = row ? { revision, catalogue: mergeCatalogue(builtInCatalogue, CatalogueOverride.parse(JSON.parse(row.override))) } : { revision: 0, catalogue: builtInCatalogue }
    if (quietly) return
    for (const listener of this.changeListeners) listener({ revision: this.cached.revision, version: this.cached.catalogue.version })
  }

  current(): FrameworkCatalogue {
    return this.cached.catalogue
  }

  /** The revision of the catalogue in force (0: the built-in catalogue, never overridden). */
  currentRevision(): number {
    return this.cached.revision
  }

  /**
   * Stores a new override, replacing the previous one. Throws ApiError 409 when `baseRevision` is given and is not
   * the latest (someone saved meanwhile), 422 when it retires ids the catalogue does not have.
   */
  async replaceOverride(override: CatalogueOverride, memberId: number | null, baseRevision?: number): Promise<Latest> {
    const saved = await inTransaction(this.db, async (trx) => {
      await lockKey(trx, 'catalogue')
      const latest = (await this.latestRow(trx))?.revision ?? 0
      if (baseRevision !== undefined && baseRevision !== latest) {
        throw new ApiError(409, 'catalogue_changed', `the catalogue was changed meanwhile (now revision ${latest}, this change was made on ${baseRevision}); reload and apply the change again`, {
          revision: latest,
        })
      }
      const catalogue = mergedOrRefused(override)
      const { version } = await trx
        .insertInto('catalogue_versions')
        .values({ override: JSON.stringify(override), created_by: memberId, created_at: Date.now() })
        .returning('version')
        .executeTakeFirstOrThrow()
      return { revision: version, catalogue }
    })
    this.cached = saved
    for (const listener of this.changeListeners) listener({ revision: saved.revision, version: saved.catalogue.version })
    return saved
  }

  async history(): Promise<CatalogueRevision[]> {
    const rows = await this.db
      .selectFrom('catalogue_versions as v')
      .leftJoin('members as m', 'm.id', 'v.created_by')
      .select(['v.version as revision', 'v.override', 'v.created_by as createdBy', 'm.name as createdByName', 'v.created_at as createdAt'])
      .orderBy('v.version', 'desc')
      .execute()
    return rows.map(({ override, ...row }) => {
      const parsed = JSON.parse(override) as { version: string; elements: unknown[] }
      return { ...row, version: parsed.version, entries: parsed.elements.length }
    })
  }

  /** A kept version: 0 is the built-in catalogue; null for a revision that does not exist. */
  async version(revision: number): Promise<CatalogueVersionDetail | null> {
    if (revision === 0) return { revision, override: emptyOverride, catalogue: builtInCatalogue }
    const row = await this.db.selectFrom('catalogue_versions').select('override').where('version', '=', revision).executeTakeFirst()
    if (!row) return null
    const override = CatalogueOverride.parse(JSON.parse(row.override))
    return { revision, override, catalogue: mergeCatalogue(builtInCatalogue, override) }
  }
}
