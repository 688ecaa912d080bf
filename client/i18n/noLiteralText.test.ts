/**
 * No text in the interface outside the message catalogues: each component's JSX is read, and every literal text in it
 * (JSX text, a string child, a label or title attribute) is reported with its line. What components compute elsewhere
 * is checked in the browser, where the pseudo-localised pages must show nothing unmarked (tests/e2e/languages.test.ts).
 */
import path from 'node:path'
import { expect, test } from 'vitest'
import { clientSources, literalTexts } from './sourceScan.ts'

const components = clientSources().filter((file) => file.endsWith('.tsx'))
const clientRoot = path.join(import.meta.dirname, '..')

/** Components whose texts are still being moved into the catalogues: each is removed from this list as it is moved. */
const notYetMoved = new Set([
  'app/Brand.tsx',
  'app/CompilationControls.tsx',
  'app/DismissibleNotice.tsx',
  'app/LoadState.tsx',
  'app/ScreenBoundary.tsx',
  'app/SignOutDialog.tsx',
  'app/UpdateNotice.tsx',
  'audit/ContributorsPanel.tsx',
  'blocks/BlockStatusBar.tsx',
  'comments/CommentFilters.tsx',
  'comments/CommentForm.tsx',
  'comments/CommentMargin.tsx',
  'comments/CommentsPanel.tsx',
  'comments/CompilationForm.tsx',
  'comments/NewThreadForm.tsx',
  'comments/ThreadCard.tsx',
  'comments/ThreadGroups.tsx',
  'editor/DraftEditor.tsx',
  'editor/FrameworkPicker.tsx',
  'editor/PickerFooter.tsx',
  'editor/PickerResults.tsx',
  'editor/PickerRow.tsx',
  'editor/RecommendationView.tsx',
  'editor/RefChip.tsx',
  'editor/ShortcutHelp.tsx',
  'editor/TextCountsLine.tsx',
  'editor/Toolbar.tsx',
  'editor/find/FindReplaceBar.tsx',
  'history/HistoryPanel.tsx',
  'history/RestoreSnapshotDialog.tsx',
  'history/SnapshotDialogs.tsx',
  'history/SnapshotItem.tsx',
  'metadata/SubmissionDetails.tsx',
  'pages/CreateDocumentForm.tsx',
  'pages/CreateWorkspaceForm.tsx',
  'pages/DocumentWorkspace.tsx',
  'pages/DtgContextSection.tsx',
  'pages/NotFoundPage.tsx',
  'pages/SignInPage.tsx',
  'pages/WorkspaceListPage.tsx',
  'pages/WorkspacePage.tsx',
  'panels/CoveragePanel.tsx',
  'panels/StatusBadge.tsx',
  'panels/ValidationPanel.tsx',
  'presence/PresenceList.tsx',
  'proposals/ProposalCard.tsx',
  'proposals/ProposalCompilationForm.tsx',
  'proposals/ProposalForm.tsx',
  'proposals/ProposalsPanel.tsx',
  'revisions/ComparePage.tsx',
  'revisions/ConfirmRestore.tsx',
  'revisions/CutRevisionForm.tsx',
  'revisions/DocumentHeading.tsx',
  'revisions/DraftProblems.tsx',
  'revisions/ExportFormatChoice.tsx',
  'revisions/ExportMenu.tsx',
  'revisions/ExportOutcome.tsx',
  'revisions/ExportSourceSelect.tsx',
  'revisions/Modal.tsx',
  'revisions/ReadOnlyDraft.tsx',
  'revisions/RecommendationChangesTable.tsx',
  'revisions/Redline.tsx',
  'revisions/RestoreRevisionDialog.tsx',
  'revisions/RevisionItem.tsx',
  'revisions/RevisionPage.tsx',
  'revisions/RevisionsPanel.tsx',
  'revisions/WorkingCopyChoice.tsx',
])

test.each(components.map((file) => path.relative(clientRoot, file)).filter((file) => !notYetMoved.has(file)))('%s shows no literal text', (file) => {
  expect(literalTexts(path.join(clientRoot, file))).toEqual([])
})

test('the list of components not yet moved names only components that still show literal text', () => {
  for (const file of notYetMoved) expect(literalTexts(path.join(clientRoot, file)).length, file).toBeGreaterThan(0)
})

test('literal texts are found, and the exemption is honoured', () => {
  const source = [
    'export const A = () => (',
    '  <p title="Hover text" aria-label={`Label ${x}`}>',
    '    Plain words {"Quoted words"} {t("a.b")} {count} · ',
    '    <kbd>Ctrl</kbd> {/* i18n-exempt: a key name */}',
    '    <input placeholder={t("a.c")} />',
    '  </p>',
    ')',
  ].join('\n')
  const found = literalTexts('example.tsx', source).map((entry) => entry.text)
  expect(found).toEqual(['title="Hover text"', 'aria-label="Label "', 'Plain words', 'Quoted words', 'Ctrl'])
})
