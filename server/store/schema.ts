/** The tables every store reads and writes, as the typed query layer (Kysely) sees them: one place for both databases. */
import type { Generated } from 'kysely'

/** Bytes: a Buffer when read (BLOB on SQLite, BYTEA on PostgreSQL), any Uint8Array when written. */
type Bytes = Uint8Array

export interface Database {
  document_state: { document_id: string; state: Bytes; through_seq: number; updated_at: number; state_digest: Bytes | null }
  document_updates: { seq: Generated<number>; document_id: string; data: Bytes }
  document_quarantine: {
    id: Generated<number>
    document_id: string
    reason: string
    state: Bytes | null
    created_at: number
    recovered_at: number | null
  }
  document_quarantine_updates: { quarantine_id: number; seq: number; data: Bytes }
  members: {
    id: Generated<number>
    name: string
    role: string
    delegation: string | null
    regional_group: string | null
    language: string | null
    created_at: number
    revoked_at: number | null
  }
  tokens: { hash: string; member_id: number; created_at: number; revoked_at: number | null }
  sessions: { hash: string; member_id: number; created_at: number; expires_at: number }
  invites: { hash: string; member_id: number; created_at: number; expires_at: number; used_at: number | null; replaced_at: number | null }
  workspaces: { id: string; dtg: number; year: number; title: string; created_at: number }
  workspace_leads: { workspace_id: string; member_id: number; created_by: number | null; created_at: number }
  documents: {
    id: string
    workspace_id: string
    title: string
    kind: string
    symbol: string | null
    created_by: number | null
    created_at: number
    distribution: Generated<string>
    body_name: string | null
    session: string | null
    agenda_item: string | null
    original_language: Generated<string>
  }
  catalogue_versions: { version: Generated<number>; override: string; created_by: number | null; created_at: number }
  revisions: {
    id: Generated<number>
    document_id: string
    label: string
    note: string | null
    state: Bytes
    content: string
    created_by: number
    created_at: number
  }
  comment_threads: {
    id: string
    document_id: string
    anchor_start: string
    anchor_end: string
    quote: string
    created_by: number
    created_at: number
    resolved_by: number | null
    resolved_at: number | null
  }
  comments: {
    id: string
    thread_id: string
    author_id: number
    body: string
    created_at: number
    edited_at: number | null
    deleted_at: number | null
  }
  contributions: {
    document_id: string
    member_id: number
    minute: number
    first_at: number
    last_at: number
    updates: number
    bytes: number
  }
  proposals: {
    id: string
    document_id: string
    kind: string
    anchor_start: string | null
    anchor_end: string | null
    quote: string
    text: string | null
    refs: string | null
    recommendation_id: string | null
    explanation: string | null
    proposer_id: number
    delegation: string
    status: Generated<string>
    decided_by: number | null
    decided_at: number | null
    decision_reason: string | null
    credited_to: string | null
    applied_start: string | null
    applied_end: string | null
    applied_text: string | null
    created_at: number
    updated_at: number
  }
  proposal_stances: { proposal_id: string; delegation: string; stance: string; reason: string | null; member_id: number; at: number }
  revision_proposals: { revision_id: number; proposals: string }
  procedures: {
    id: Generated<number>
    document_id: string
    revision_id: number
    kind: string
    deadline: number
    opened_by: number
    opened_at: number
  }
  silence_objections: {
    procedure_id: number
    delegation: string
    block_position: number
    block_number: string
    reason: string
    member_id: number
    at: number
  }
  procedure_outcomes: { procedure_id: number; outcome: string; settled_at: number; record: string }
  stage_seen: { document_id: string; member_id: number; seen_at: number; comments_seen_at: Generated<number> }
  document_submissions: { document_id: string; procedure_id: number; submitted_by: number; submitted_at: number }
  block_statuses: { document_id: string; block_key: string; status: string; set_by: number; set_at: number }
  block_status_audit: {
    id: Generated<number>
    document_id: string
    block_key: string
    action: string
    from_status: string
    to_status: string
    reason: string | null
    member_id: number | null
    at: number
  }
  document_snapshots: {
    id: Generated<number>
    document_id: string
    reason: string
    content: string
    authors: string
    taken_by: number | null
    created_at: number
  }
}
