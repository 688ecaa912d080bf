/** The framework catalogue in force: the built-in one with the secretariat's latest override, every override kept. */
import {
  CatalogueOverride,
  builtInCatalogue,
  mergeCatalogue,
  type FrameworkCatalogue,
} from '../../shared/framework/index.ts'
import type { Sqlite } from '../store/sqlite.ts'

export interface CatalogueRevision {
  revision: number
  version: string
  createdBy: number | null
  createdAt: number
}

export class CatalogueStore {
  private cached: FrameworkCatalogue | null = null
  /** Called after the catalogue in force has changed. */
  readonly changeListeners = new Set<() => void>()
  private readonly latestStmt
  private readonly insertStmt
  private readonly historyStmt

  constructor(private readonly db: Sqlite) {
    this.latestStmt = db.prepare<[], { override: string }>('SELECT override FROM catalogue_versions ORDER BY version DESC LIMIT 1')
    this.insertStmt = db.prepare<[string, number | null, number]>(
      'INSERT INTO catalogue_versions (override, created_by, created_at) VALUES (?, ?, ?)',
    )
    this.historyStmt = db.prepare<[], { revision: number; override: string; createdBy: number | null; createdAt: number }>(
      'SELECT version AS revision, override, created_by AS createdBy, created_at AS createdAt FROM catalogue_versions ORDER BY version DESC',
    )
  }

  current(): FrameworkCatalogue {
    if (!this.cached) {
      const row = this.latestStmt.get()
      this.cached = row ? mergeCatalogue(builtInCatalogue, CatalogueOverride.parse(JSON.parse(row.override))) : builtInCatalogue
    }
    return this.cached
  }

  /** Stores a new override, replacing the previous one; throws UnknownRetirementError when it cannot apply. */
  replaceOverride(override: CatalogueOverride, memberId: number | null): FrameworkCatalogue {
    const merged = mergeCatalogue(builtInCatalogue, override)
    this.insertStmt.run(JSON.stringify(override), memberId, Date.now())
    this.cached = merged
    for (const listener of this.changeListeners) listener()
    return merged
  }

  history(): CatalogueRevision[] {
    return this.historyStmt.all().map(({ override, ...row }) => ({ ...row, version: (JSON.parse(override) as { version: string }).version }))
  }
}
