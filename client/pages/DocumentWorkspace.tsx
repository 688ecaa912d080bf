/** One open document: header with status, connection and presence; the editor; validation and coverage beside it. */
import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useState } from 'react'
import type { Language } from '../../shared/i18n/languages.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import type { ServedCatalogue } from '../api/catalogue.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { AccessNotice } from '../access/AccessNotice.tsx'
import { useDocumentAccess } from '../access/useDocumentAccess.ts'
import { routeHref } from '../app/route.ts'
import { ContributorsPanel } from '../audit/ContributorsPanel.tsx'
import { BlockStatusBar } from '../blocks/BlockStatusBar.tsx'
import { LockNotice } from '../blocks/LockNotice.tsx'
import { useBlockCounts } from '../blocks/useBlockCounts.ts'
import { useBlockStatuses } from '../blocks/useBlockStatuses.ts'
import { ConnectionIndicator } from '../collab/ConnectionIndicator.tsx'
import { openCollabSession, type CollabSession } from '../collab/openCollabSession.ts'
import { userColor } from '../collab/userColor.ts'
import { CommentsPanel } from '../comments/CommentsPanel.tsx'
import { MastheadLine, SubmissionDetailsButton } from '../metadata/SubmissionDetails.tsx'
import { useDocumentRecord } from '../metadata/useDocumentRecord.ts'
import { ProposalsPanel } from '../proposals/ProposalsPanel.tsx'
import { CatalogueContext } from '../editor/CatalogueContext.ts'
import { DraftEditor } from '../editor/DraftEditor.tsx'
import { LinkPickerProvider } from '../editor/LinkPicker.tsx'
import { useDraftEditor } from '../editor/useDraftEditor.ts'
import { useLiveCatalogue } from '../editor/useLiveCatalogue.ts'
import { CoveragePanel } from '../panels/CoveragePanel.tsx'
import { StatusBadge } from '../panels/StatusBadge.tsx'
import { ValidationPanel } from '../panels/ValidationPanel.tsx'
import { PresenceList } from '../presence/PresenceList.tsx'
import { useCaretLabels } from '../presence/useCaretLabels.ts'
import { DocumentExportMenu } from '../revisions/ExportMenu.tsx'
import { RevisionsPanel } from '../revisions/RevisionsPanel.tsx'
import { HistoryPanel } from '../history/HistoryPanel.tsx'
import { ProceduresPanel } from '../stage/ProceduresPanel.tsx'
import { StageBanner } from '../stage/StageBanner.tsx'
import { type StageState, useStage } from '../stage/useStage.ts'
import { t } from '../i18n/i18n.ts'
import { documentKindLabel } from './documentKindLabels.ts'
import { TextLanguageContext } from '../editor/TextQuote.tsx'

/**
 * The document's collaboration session. When the server refuses a change to agreed text (4423), this browser's copy
 * (Y.Doc and IndexedDB) holds a change that will never be taken: it is discarded and the stored text loaded again.
 */
function useCollabSession(documentId: string): { session: CollabSession | null; lockNotice: string | null; dismissLockNotice: () => void } {
  const [session, setSession] = useState<CollabSession | null>(null)
  const [generation, setGeneration] = useState(0)
  const [lockNotice, setLockNotice] = useState<string | null>(null)
  useEffect(() => {
    const opened = openCollabSession(documentId, {
      onAgreedTextRefused: () => {
        setLockNotice(t('pages.agreedTextRefused'))
        setSession(null)
        void opened.discard().then(() => setGeneration((count) => count + 1))
      },
    })
    setSession(opened)
    return () => {
      setSession(null)
      opened.destroy()
    }
  }, [documentId, generation])
  return { session, lockNotice, dismissLockNotice: () => setLockNotice(null) }
}

export function DocumentWorkspace({ detail, catalogue, member }: { detail: DocumentDetail; catalogue: ServedCatalogue; member: SignedInMember }) {
  const { session, lockNotice, dismissLockNotice } = useCollabSession(detail.document.id)
  if (!session) return <LockNotice notice={lockNotice} onDismiss={dismissLockNotice} />
  return (
    <OpenDocument key={session.doc.guid} session={session} detail={detail} catalogue={catalogue} member={member} lockNotice={lockNotice} onDismissLockNotice={dismissLockNotice} />
  )
}

interface OpenDocumentProps {
  session: CollabSession
  detail: DocumentDetail
  catalogue: ServedCatalogue
  member: SignedInMember
  lockNotice: string | null
  onDismissLockNotice: () => void
}

function OpenDocument({ session, detail: loaded, catalogue: loadedCatalogue, member, lockNotice, onDismissLockNotice }: OpenDocumentProps) {
  // What the member may do here follows the secretariat's changes while the document is open.
  const { detail, notice, dismissNotice } = useDocumentAccess(loaded, session)
  const { workspace } = detail
  const canWrite = detail.permissions.write
  // A change by the secretariat reaches the chips, picker and panels without a reload.
  const catalogue = useLiveCatalogue(detail.document.id, loadedCatalogue)
  // The record follows the submission details as they are saved, here or by someone else.
  const [document, setDocument] = useDocumentRecord(detail.document)
  const user = useMemo(() => ({ name: member.name, delegation: member.delegation, color: userColor(member.id) }), [member])
  const editor = useDraftEditor({ session, user, catalogue, canWrite })
  useCaretLabels(editor, session.provider.awareness)
  // The stage (drafting, open for comments, under silence, ...) for everyone, kept live by the document's events.
  const stage = useStage(detail.document.id, detail.stage)

  return (
    <CatalogueContext.Provider value={catalogue}>
      <TextLanguageContext.Provider value={document.originalLanguage}>
        <LinkPickerProvider>
          <div className="document-layout">
            <header className="document-header">
              <nav className="breadcrumbs" aria-label={t('pages.breadcrumbs')}>
                <a href="#/">{t('pages.workspaces')}</a> <span className="breadcrumb-separator" aria-hidden="true">›</span>{' '}
                <a href={routeHref({ page: 'workspace', workspaceId: workspace.id })} translate="no" dir="auto">
                  {workspace.title}
                </a>
              </nav>
              <div className="document-title-row">
                <div>
                  <p className="kicker">
                    {t('pages.dtgYearAndKind', { dtg: workspace.dtg, year: String(workspace.year), kind: documentKindLabel(document.kind) })}
                    {document.symbol && (
                      <span className="symbol">
                        {' · '}
                        <bdi dir="ltr" translate="no">
                          {document.symbol}
                        </bdi>
                      </span>
                    )}
                  </p>
                  <h1 translate="no" lang={document.originalLanguage} dir="auto">
                    {document.title}
                  </h1>
                  <MastheadLine document={document} />
                </div>
                <div className="document-status">
                  <StatusBadge documentId={document.id} />
                  <ConnectionIndicator session={session} />
                  {detail.permissions.editMetadata && <SubmissionDetailsButton document={document} onSaved={setDocument} />}
                  <DocumentExportMenu detail={{ ...detail, document }} stage={stage.stage} editor={editor} />
                </div>
              </div>
              <StageBanner state={stage} />
              <PresenceList awareness={session.provider.awareness} />
              <AccessNotice notice={notice} onDismiss={dismissNotice} />
              <LockNotice notice={lockNotice} onDismiss={onDismissLockNotice} />
            </header>
            <div className="document-body">
              {editor ? (
                <DocumentBody editor={editor} session={session} detail={detail} catalogue={catalogue} member={member} canWrite={canWrite} stage={stage} originalLanguage={document.originalLanguage} />
              ) : (
                <div className="document-main" />
              )}
            </div>
          </div>
        </LinkPickerProvider>
      </TextLanguageContext.Provider>
    </CatalogueContext.Provider>
  )
}

/** The draft with its paragraph status controls, and the panels beside it. */
function DocumentBody({
  editor,
  session,
  detail,
  catalogue,
  member,
  canWrite,
  stage,
  originalLanguage,
}: {
  editor: Editor
  session: CollabSession
  detail: DocumentDetail
  catalogue: ServedCatalogue
  member: SignedInMember
  canWrite: boolean
  stage: StageState
  /** The language the draft is written in, as the submission details say now: the text carries it. */
  originalLanguage: Language
}) {
  const documentId = detail.document.id
  const fragment = useMemo(() => session.doc.getXmlFragment(contentField), [session])
  const blockStatuses = useBlockStatuses(editor, documentId, fragment)
  const blockCounts = useBlockCounts(editor, fragment, blockStatuses.statuses)
  const [hideAgreed, setHideAgreed] = useState(false)
  // The margin beside the text, where comment threads sit next to their passages.
  const [commentMargin, setCommentMargin] = useState<HTMLDivElement | null>(null)
  return (
    <>
      <div className={hideAgreed ? 'document-main block-status-area hide-agreed' : 'document-main block-status-area'}>
        <BlockStatusBar
          editor={editor}
          documentId={documentId}
          fragment={fragment}
          blockStatuses={blockStatuses}
          permissions={detail.permissions}
          hideAgreed={hideAgreed}
          onHideAgreed={setHideAgreed}
        />
        <div className="draft-with-margin">
          <DraftEditor editor={editor} canWrite={canWrite} member={member} textLanguage={originalLanguage} />
          <div className="comment-margin-host" ref={setCommentMargin} />
        </div>
      </div>
      <aside className="document-side" aria-label={t('pages.documentSide')}>
        <ProceduresPanel detail={detail} member={member} state={stage} />
        <ProposalsPanel editor={editor} detail={detail} member={member} inputsClosedAt={stage.stage.commentsClosedAt} />
        <CommentsPanel editor={editor} detail={detail} member={member} marginHost={commentMargin} inputsClosedAt={stage.stage.commentsClosedAt} />
        <ValidationPanel editor={editor} catalogue={catalogue} blockCounts={blockCounts} />
        <RevisionsPanel detail={detail} editor={editor} />
        <HistoryPanel detail={detail} catalogue={catalogue} />
        <CoveragePanel editor={editor} catalogue={catalogue} />
        {detail.permissions.viewAudit && <ContributorsPanel documentId={documentId} />}
      </aside>
    </>
  )
}
