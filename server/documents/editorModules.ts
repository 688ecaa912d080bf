/**
 * The editor's schema and its Yjs binding (TipTap, ProseMirror, y-tiptap), loaded by the relay's thread with the
 * first request that needs them (a proposal, a restore, a snapshot, a new document), so that a server at rest holds none.
 */

/** A module loaded once, on the first call; every later call answers the same promise (a failed load is tried again). */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    }))
}

/** The editor's ProseMirror schema (shared/schema/editorSchema.ts). */
export const editorSchema = loadOnce(async () => (await import('../../shared/schema/editorSchema.ts')).draftSchema)

/** ProseMirror's document model: `Node.fromJSON` against the schema. */
export const proseMirrorModel = loadOnce(() => import('@tiptap/pm/model'))

/** The conversions between ProseMirror documents and a Y.XmlFragment. */
export const yProseMirror = loadOnce(() => import('@tiptap/y-tiptap'))

/** `readDraft` (readDraft.ts): a document's content as the editor's JSON. */
export const draftReader = loadOnce(async () => (await import('./readDraft.ts')).readDraft)
