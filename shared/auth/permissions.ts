/** Who may do what: declarative rules, evaluated by the server (the client is told the answers), read here and nowhere else. */
import type { Member } from '../schema/member.ts'
import type { DocumentPermissions, MemberPermissions, WorkspacePermissions } from '../schema/permissions.ts'
import { speakingFor } from '../schema/proposals.ts'

/** What a rule may look at: the member, and where it applies, the document's workspace and the comment's author. */
export interface Subject {
  member: Pick<Member, 'id' | 'role'> & Partial<Pick<Member, 'name' | 'delegation'>>
  /** The member co-facilitates the workspace the document belongs to. */
  leadsWorkspace?: boolean
  /** The author of the comment acted on. */
  authorId?: number
  /** The delegation that made the proposal acted on. */
  proposerDelegation?: string
  /** The document was marked submitted to the plenary: its text, metadata and negotiation are closed. */
  documentSubmitted?: boolean
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
/** A member of a State's (or a group's) delegation: only delegations break silence; stakeholders and the secretariat do not. */
const delegationMember: Rule = ({ member }) => member.role === 'delegation' && typeof member.delegation === 'string' && member.delegation !== ''
/** `rule`, while the document is not yet submitted: what went to the plenary is what stays in it. */
const untilSubmitted =
  (rule: Rule): Rule =>
  (subject) =>
    subject.documentSubmitted !== true && rule(subject)

const rules = {
  'workspace.read': anyone,
  'workspace.create': secretariat,
  'workspace.lead.assign': secretariat,
  'participation.read': anyone,
  'document.read': anyone,
  'document.create': workspaceLead,
  'document.write': untilSubmitted(workspaceLead),
  /** Symbol, distribution, body, session, agenda item, original language: what the masthead of the submission says. */
  'document.metadata.edit': untilSubmitted(workspaceLead),
  'document.export': anyone,
  'awareness.publish': anyone,
  'revision.read': anyone,
  'revision.cut': untilSubmitted(workspaceLead),
  'revision.restore': untilSubmitted(workspaceLead),
  /** The automatic snapshots of the text (the history), read like revisions. */
  'history.read': anyone,
  /** Make a snapshot the current text again: like restoring a revision. */
  'history.restore': untilSubmitted(workspaceLead),
  'audit.read': workspaceLead,
  'comment.create': anyone,
  'comment.edit': author,
  'comment.delete': author,
  'thread.resolve': workspaceLead,
  'proposal.read': anyone,
  'proposal.create': untilSubmitted(negotiator),
  'proposal.stance': untilSubmitted(otherDelegation),
  'proposal.edit': untilSubmitted(proposingDelegation),
  'proposal.withdraw': untilSubmitted(proposingDelegation),
  'proposal.decide': untilSubmitted(workspaceLead),
  'proposal.bracket': untilSubmitted(workspaceLead),
  /** A comment period on a revision, until a deadline. */
  'period.open': untilSubmitted(workspaceLead),
  'silence.start': untilSubmitted(workspaceLead),
  'silence.break': delegationMember,
  /** Record that the document went to the plenary (after adoption under silence). */
  'document.submit': workspaceLead,
  /** Open, under negotiation, agreed ad referendum: decided like proposals, by those who lead the workspace. */
  'block.status.set': untilSubmitted(workspaceLead),
  /** Agreed text opened again: an explicit, audited act of those who lead the workspace. */
  'block.reopen': untilSubmitted(workspaceLead),
  'catalogue.read': anyone,
  'catalogue.edit': secretariat,
  'member.manage': secretariat,
} as const satisfies Record<string, Rule>

export type Action = keyof typeof rules

export function can(subject: Subject, action: Action): boolean {
  return rules[action](subject)
}

/** The document-scoped permissions the client shows or hides controls by (the server checks each request anyway). */
export function documentPermissions(subject: Subject): DocumentPermissions {
  return {
    write: can(subject, 'document.write'),
    editMetadata: can(subject, 'document.metadata.edit'),
    cutRevision: can(subject, 'revision.cut'),
    restoreRevision: can(subject, 'revision.restore'),
    restoreSnapshot: can(subject, 'history.restore'),
    comment: can(subject, 'comment.create'),
    resolveThreads: can(subject, 'thread.resolve'),
    exportForSubmission: can(subject, 'document.export'),
    viewAudit: can(subject, 'audit.read'),
    propose: can(subject, 'proposal.create'),
    decideProposals: can(subject, 'proposal.decide'),
    bracketProposals: can(subject, 'proposal.bracket'),
    openPeriod: can(subject, 'period.open'),
    startSilence: can(subject, 'silence.start'),
    breakSilence: can(subject, 'silence.break'),
    markSubmitted: can(subject, 'document.submit'),
    setBlockStatus: can(subject, 'block.status.set'),
    reopenBlocks: can(subject, 'block.reopen'),
  }
}

/** What the member may do in a workspace: `subject.leadsWorkspace` says whether they lead it. */
export function workspacePermissions(subject: Subject): WorkspacePermissions {
  return {
    createDocument: can(subject, 'document.create'),
    assignCofacilitators: can(subject, 'workspace.lead.assign'),
  }
}

/** What the member may do whatever the workspace. */
export function memberPermissions(member: Subject['member']): MemberPermissions {
  return {
    createWorkspace: can({ member }, 'workspace.create'),
    manageMembers: can({ member }, 'member.manage'),
    editCatalogue: can({ member }, 'catalogue.edit'),
  }
}
