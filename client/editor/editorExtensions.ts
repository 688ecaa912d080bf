/** The editor's extensions: the shared draft schema, with node views, numbering, and collaboration over a session. */
import { mergeAttributes, type AnyExtension, type Extensions, type Mark, type Node } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { ReactNodeViewRenderer } from '@tiptap/react'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { draftExtensions } from '../../shared/schema/editorSchema.ts'
import { alternativeNodeName, bracketMarkName, parseProposersAttr } from '../../shared/schema/negotiationText.ts'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { t } from '../i18n/i18n.ts'
import { alternativeView } from './alternativeView.ts'
import type { CollabSession } from '../collab/openCollabSession.ts'
import { caretAwareness } from '../presence/caretAwareness.ts'
import { renderCaret } from './caret.ts'
import { DraftNumbering } from './draftNumbering.ts'
import { EditorComforts } from './editorComforts.ts'
import { listOfNames } from './listOfNames.ts'
import { RecommendationEditing } from './recommendationEditing.ts'
import { RecommendationHighlight } from './recommendationHighlight.ts'
import { RecommendationView } from './RecommendationView.tsx'

export interface CaretUser {
  name: string
  delegation: string | null
  color: string
}

function recommendationNodeView() {
  return ReactNodeViewRenderer(RecommendationView, {
    as: 'div',
    // Numbers and highlights arrive as decorations on an unchanged node: render again when they change.
    update: ({ oldNode, newNode, updateProps }) => {
      if (oldNode.type !== newNode.type) return false
      updateProps()
      return true
    },
  })
}

function forTheEditor(extension: AnyExtension): AnyExtension {
  if (extension.name === recommendationNodeName) return (extension as Node).extend({ addNodeView: recommendationNodeView })
  if (extension.name === alternativeNodeName) return (extension as Node).extend({ addNodeView: () => alternativeView })
  if (extension.name === bracketMarkName) {
    // Says, on hover, whose proposal put the brackets there.
    return (extension as Mark).extend({
      renderHTML({ mark, HTMLAttributes }) {
        const proposers = parseProposersAttr(mark.attrs.proposers)
        const title = proposers.length > 0 ? t('editor.bracketedOnProposal', { delegations: listOfNames(proposers) }) : t('editor.bracketedNotAgreed')
        return ['span', mergeAttributes({ 'data-bracket': '', class: 'bracketed', title }, HTMLAttributes), 0]
      },
    })
  }
  return extension
}

export function editorExtensions({ session, user, catalogue }: { session: CollabSession; user: CaretUser; catalogue: () => FrameworkCatalogue }): Extensions {
  return [
    ...draftExtensions.map(forTheEditor),
    RecommendationEditing,
    RecommendationHighlight,
    EditorComforts,
    DraftNumbering.configure({ catalogue }),
    Collaboration.configure({ document: session.doc, field: contentField }),
    // Others' carets redrawn when theirs move, not when the member's own moves; the member's published after paint.
    CollaborationCaret.configure({ provider: { awareness: caretAwareness(session.provider.awareness) }, user, render: renderCaret }),
  ]
}
