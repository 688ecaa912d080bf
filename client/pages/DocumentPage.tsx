/** The document page (a lazy chunk): loads the document and the catalogue, then opens the live workspace on it. */
import { fetchCatalogue } from '../api/catalogue.ts'
import { getDocument } from '../api/documents.ts'
import type { SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { t } from '../i18n/i18n.ts'
import { DocumentWorkspace } from './DocumentWorkspace.tsx'
import '../styles/document.css'
import '../styles/editor.css'
import '../styles/panels.css'
import '../styles/picker.css'

export default function DocumentPage({ documentId, member }: { documentId: string; member: SignedInMember }) {
  const [loaded, reload] = useLoad(() => Promise.all([getDocument(documentId), fetchCatalogue()]), [documentId])
  return (
    <LoadState loaded={loaded} what={t('pages.loadWhatDocument')} retry={reload}>
      {([detail, catalogue]) => <DocumentWorkspace detail={detail} catalogue={catalogue} member={member} />}
    </LoadState>
  )
}
