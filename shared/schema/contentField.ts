/** The Y.Doc field the editor binds to: a document's content, and the only root comment anchors may point into. */
export const contentField = 'content'
