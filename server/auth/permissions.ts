/** Who may do what: declarative rules, read here and nowhere else. */
import type { Member } from '../../shared/schema/member.ts'
import { speakingFor } from '../../shared/schema/proposals.ts'

/** What a rule may look at: the member, and where it applies, the document's workspace and the comment's author. */
export interface Subject {
  member: Pick<Member, 'id' | 'role'> & Partial<Pick<Member, 'name' | 'delegation'>>
  /** The member co-facilitates the workspace the document belongs to. */
  leadsWorkspace?: boolean
  /** The author of the comment acted on. */
  authorId?: number
  /** The delegation that made the proposal acted on. */
  proposerDelegation?: string
}

type Rule = (subject: Subject) => boolean

const anyone: Rule = () => true
const secretariat: Rule = ({ member }) => member.role === 'secretariat'
/** The secretariat, or a member leading the document's workspace. Stakeholders never edit: the process stays State-led. */
const workspaceLead: Rule = ({ member, leadsWorkspace }) =>
  member.role === 'secretariat' || (leadsWorkspace === true && member.role !== 'stakeholder')
const author: Rule = ({ member, authorId }) => authorId !== undefined && member.id === authorId
/** Text is proposed by States and those who lead or serve the process; stakeholders' inputs stay comments. */
const negotiator: Rule = ({ member }) => member.role !== 'stakeholder'
/** A member of the delegation that made the proposal (never a stakeholder). */
const proposingDelegation: Rule = ({ member, proposerDelegation }) =>
  member.role !== 'stakeholder' && proposerDelegation !== undefined && speakingFor(member) === proposerDelegation
/** A delegation other than the proposer's: members speaking for a State or group (delegates, co-facilitators who have one). */
const otherDelegation: Rule = ({ member, proposerDelegation }) =>
  (member.role === 'delegation' || member.role === 'cofacilitator') &&
  typeof member.delegation === 'string' &&
  member.delegation !== '' &&
  proposerDelegation !== undefined &&
  member.delegation !== proposerDelegation

const rules = {
  'workspace.read': anyone,
  'workspace.create': secretariat,
  'workspace.lead.assign': secretariat,
  'participation.read': anyone,
  'document.read': anyone,
  'document.create': workspaceLead,
  'document.write': workspaceLead,
  'document.export': anyone,
  'awareness.publish': anyone,
  'revision.read': anyone,
  'revision.cut': workspaceLead,
  'revision.restore': workspaceLead,
  'audit.read': workspaceLead,
  'comment.create': anyone,
  'comment.edit': author,
  'comment.delete': author,
  'thread.resolve': workspaceLead,
  'proposal.read': anyone,
  'proposal.create': negotiator,
  'proposal.stance': otherDelegation,
  'proposal.edit': proposingDelegation,
  'proposal.withdraw': proposingDelegation,
  'proposal.decide': workspaceLead,
  'proposal.bracket': workspaceLead,
  'catalogue.read': anyone,
  'catalogue.edit': secretariat,
  'member.manage': secretariat,
} as const satisfies Record<string, Rule>

export type Action = keyof typeof rules

export function can(subject: Subject, action: Action): boolean {
  return rules[action](subject)
}

/** The document-scoped permissions the client shows or hides controls by (the server checks each request anyway). */
export function documentPermissions(subject: Subject) {
  return {
    write: can(subject, 'document.write'),
    cutRevision: can(subject, 'revision.cut'),
    restoreRevision: can(subject, 'revision.restore'),
    comment: can(subject, 'comment.create'),
    resolveThreads: can(subject, 'thread.resolve'),
    exportForSubmission: can(subject, 'document.export'),
    viewAudit: can(subject, 'audit.read'),
    propose: can(subject, 'proposal.create'),
    decideProposals: can(subject, 'proposal.decide'),
    bracketProposals: can(subject, 'proposal.bracket'),
  }
}
export type DocumentPermissions = ReturnType<typeof documentPermissions>
