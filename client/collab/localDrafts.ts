/**
 * The drafts this browser keeps: one IndexedDB database per open document (y-indexeddb), named `dtg-<documentId>`.
 * They belong to the session that wrote them and are deleted when it ends, so nothing of them stays on a shared computer.
 */

const prefix = 'dtg-'
/** A document id as the server accepts it (README: 1-128 letters, digits, `.`, `_` or `-`). */
const documentId = /^[A-Za-z0-9._-]{1,128}$/

/** Databases opened on this page, for browsers without indexedDB.databases(). */
const opened = new Set<string>()

/** The database that keeps one document's draft; remembered so that clearLocalDrafts() finds it in any browser. */
export function localDraftName(id: string): string {
  const name = `${prefix}${id}`
  opened.add(name)
  return name
}

/** The app's draft databases among those a browser lists, each once; anything else on the origin is left alone. */
export function draftDatabaseNames(databases: readonly { name?: string }[]): string[] {
  const names = databases.map((database) => database.name).filter((name): name is string => !!name && name.startsWith(prefix) && documentId.test(name.slice(prefix.length)))
  return [...new Set(names)]
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    // While a page still holds the database open the request is 'blocked' and waits: it completes once that closes.
    request.onsuccess = () => {
      opened.delete(name)
      resolve()
    }
    request.onerror = () => resolve()
  })
}

/** Deletes every draft database of the app in this browser; resolves with their names once they are gone. */
export async function clearLocalDrafts(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return []
  let listed: { name?: string }[] = []
  if (typeof indexedDB.databases === 'function') {
    try {
      listed = await indexedDB.databases()
    } catch {
      // Some browsers refuse the listing in private windows: the databases opened on this page are still known.
    }
  }
  const names = draftDatabaseNames([...listed, ...[...opened].map((name) => ({ name }))])
  await Promise.all(names.map(deleteDatabase))
  return names
}
