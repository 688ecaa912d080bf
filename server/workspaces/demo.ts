/** The first start on an empty data directory: a demo workspace per DTG and a secretariat invite. */
import { randomUUID } from 'node:crypto'
import { findTemplate, templateDocument } from '../../shared/templates/templates.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { DocumentStore } from '../store/store.ts'
import type { Registry } from './registry.ts'
import { seedDocument } from './seed.ts'

export interface DemoSetup {
  inviteToken: string
  workspaceIds: string[]
}

/** Creates the demo content if the data directory holds no member and no workspace; null otherwise. */
export async function createDemoIfEmpty(deps: {
  registry: Registry
  members: MemberDirectory
  sessions: Sessions
  store: DocumentStore
  year: number
}): Promise<DemoSetup | null> {
  const { registry, members, sessions, store, year } = deps
  if (!registry.isEmpty() || !(await members.isEmpty())) return null
  const secretariat = await members.ensureMember('Secretariat', 'secretariat', 'UNODA secretariat')
  const drafts = [
    { dtg: 1 as const, title: `DTG 1 (${year}): specific challenges`, templateId: 'dtg1-critical-infrastructure', docTitle: 'Annual summary and recommendations' },
    { dtg: 2 as const, title: `DTG 2 (${year}): capacity-building`, templateId: 'dtg2-prevention-detection-response', docTitle: 'Working draft of recommendations' },
  ]
  const workspaceIds: string[] = []
  for (const draft of drafts) {
    const workspace = await registry.createWorkspace({ dtg: draft.dtg, year, title: draft.title })
    const document = await registry.createDocument({
      workspaceId: workspace.id,
      title: draft.docTitle,
      kind: draft.dtg === 1 ? 'annual-summary' : 'working-draft',
      symbol: null,
      createdBy: secretariat.id,
    })
    // The masthead of its export for submission names the body; the symbol is the secretariat's to assign.
    await registry.updateMetadata(document.id, { bodyName: 'Global Mechanism on ICT security' })
    await seedDocument(store, document.id, templateDocument(findTemplate(draft.templateId)!, randomUUID))
    workspaceIds.push(workspace.id)
  }
  return { inviteToken: await sessions.createInvite(secretariat.id), workspaceIds }
}

export function inviteLink(publicUrl: string, token: string): string {
  return `${publicUrl}/#invite=${token}`
}
