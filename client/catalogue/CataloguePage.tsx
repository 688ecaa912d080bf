/** The framework catalogue page (a lazy chunk): the elements in force and their history for everyone; adding, editing, retiring and restoring for the secretariat. */
import { useEffect, useState } from 'react'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import type { CatalogueOverride, FrameworkElement } from '../../shared/framework/element.ts'
import { putElement, restoreElement, retireElement } from '../../shared/framework/overrideEdits.ts'
import { catalogueHistory, catalogueVersion, refetchCatalogue, saveCatalogue, type ServedCatalogue } from '../api/catalogue.ts'
import { ApiError } from '../api/http.ts'
import type { SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { CatalogueElements } from './CatalogueElements.tsx'
import { CatalogueHistory } from './CatalogueHistory.tsx'
import { ElementForm } from './ElementForm.tsx'
import '../styles/catalogue.css'

type Editing = { mode: 'add' } | { mode: 'edit'; element: FrameworkElement } | null

/** The override's version name: the day and the revision it will become, e.g. 2026-11-29.3. */
function nextVersion(revision: number): string {
  return `${new Date().toISOString().slice(0, 10)}.${revision + 1}`
}

export default function CataloguePage({ member }: { member: SignedInMember }) {
  const [loaded, reload, refresh] = useLoad(async () => {
    const catalogue = await refetchCatalogue()
    const [inForce, history] = await Promise.all([catalogueVersion(catalogue.revision), catalogueHistory()])
    return { catalogue, override: inForce.override, history }
  }, [])
  return (
    <section className="catalogue-page" aria-labelledby="catalogue-heading">
      <h1 id="catalogue-heading">{t('catalogue.heading')}</h1>
      <p className="lede">{t('catalogue.lede')}</p>
      <LoadState loaded={loaded} what={t('catalogue.theCatalogue')} retry={reload}>
        {({ catalogue, override, history }) => (
          <CatalogueEditor catalogue={catalogue} override={override} history={history} canEdit={member.permissions.editCatalogue} onSaved={refresh} />
        )}
      </LoadState>
    </section>
  )
}

function CatalogueEditor({
  catalogue: loadedCatalogue,
  override: loadedOverride,
  history,
  canEdit,
  onSaved,
}: {
  catalogue: ServedCatalogue
  override: CatalogueOverride
  history: Parameters<typeof CatalogueHistory>[0]['history']
  canEdit: boolean
  onSaved: () => void
}) {
  // What was saved here counts at once: the next change builds on it, whether or not the page has reloaded yet.
  const [inForce, setInForce] = useState({ catalogue: loadedCatalogue, override: loadedOverride })
  useEffect(() => {
    if (loadedCatalogue.revision > inForce.catalogue.revision) setInForce({ catalogue: loadedCatalogue, override: loadedOverride })
  }, [loadedCatalogue, loadedOverride, inForce.catalogue.revision])
  const { catalogue, override } = inForce
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const builtIn = builtInCatalogue.elements
  const version = nextVersion(catalogue.revision)

  /** Saves the whole new override on top of the revision shown (409 if someone saved meanwhile). */
  const save = async (next: CatalogueOverride, sentence: string) => {
    let saved: ServedCatalogue
    try {
      saved = await saveCatalogue({ ...next, baseRevision: catalogue.revision })
    } catch (error) {
      // Someone saved meanwhile: show their version, so the change can be made again on it.
      if (error instanceof ApiError && error.status === 409) onSaved()
      throw error
    }
    setInForce({ catalogue: saved, override: next })
    setEditing(null)
    setDone(sentence)
    onSaved()
  }
  const act = async (next: CatalogueOverride, sentence: string) => {
    setBusy(true)
    setFailure(null)
    try {
      await save(next, sentence)
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      {done && (
        <p className="notice" role="status">
          {done} {t('catalogue.openDocumentsShowChange')}
        </p>
      )}
      <FormError error={failure} />
      {canEdit && editing === null && (
        <button type="button" onClick={() => (setDone(null), setEditing({ mode: 'add' }))}>
          {t('catalogue.addElement')}
        </button>
      )}
      {editing && (
        <ElementForm
          key={editing.mode === 'edit' ? editing.element.id : 'new'}
          element={editing.mode === 'edit' ? editing.element : undefined}
          takenIds={new Set(catalogue.elements.map((element) => element.id))}
          onCancel={() => setEditing(null)}
          onSave={(element) =>
            save(putElement(override, builtIn, editing.mode === 'edit' && editing.element.retired ? { ...element, retired: true } : element, version), t('catalogue.elementSaved', { label: element.label }))
          }
        />
      )}
      <CatalogueElements
        catalogue={catalogue}
        busy={busy}
        actions={
          canEdit
            ? {
                onEdit: (element) => (setDone(null), setEditing({ mode: 'edit', element })),
                onRetire: (element) => act(retireElement(override, element, builtIn, version), t('catalogue.elementRetired', { label: element.label })),
                onRestore: (element) => act(restoreElement(override, element, builtIn, version), t('catalogue.elementRestored', { label: element.label })),
              }
            : null
        }
      />
      {/* A new version resets the comparison to the latest change. */}
      <CatalogueHistory key={history[0]?.revision ?? 0} history={history} />
    </>
  )
}
