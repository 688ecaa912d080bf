/** Revisions of a document (cut, list, open, restore), comparisons between versions, and exports as files. */
import type { Comparison } from '../../shared/compare/comparison.ts'
import type { ExportFormat } from '../../shared/schema/api.ts'
import type { Author } from '../../shared/schema/member.ts'
import {
  ComparisonResult,
  RevisionAnswer,
  RevisionDetail,
  RevisionList,
  type ComparisonSide,
  type RevisionSummary,
} from '../../shared/schema/revision.ts'
import type { CutRevision } from '../../shared/schema/api.ts'
import { RestoreAnswer } from '../../shared/schema/history.ts'
import type { DraftProblem } from '../../shared/schema/validateDraft.ts'
import type { VersionRef } from '../app/route.ts'
import { ApiError, call, request } from './http.ts'
import type { z } from 'zod'

export type { Author, Comparison, ComparisonResult, ComparisonSide, DraftProblem, ExportFormat, RevisionDetail, RevisionSummary, VersionRef }
export { exportFormats } from '../../shared/schema/api.ts'

export type RedlineFormat = 'docx' | 'html'

export type NewRevision = z.input<typeof CutRevision>

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`

export async function listRevisions(documentId: string): Promise<RevisionSummary[]> {
  const { revisions } = await request('GET', `${documentPath(documentId)}/revisions`, RevisionList)
  return revisions
}

/** Refused with 422 `draft_invalid` (details: DraftProblem[]) while the draft breaks the recommendation invariant. */
export async function cutRevision(documentId: string, input: NewRevision): Promise<RevisionSummary> {
  const { revision } = await request('POST', `${documentPath(documentId)}/revisions`, RevisionAnswer, input)
  return revision
}

export function getRevision(documentId: string, revisionId: number): Promise<RevisionDetail> {
  return request('GET', `${documentPath(documentId)}/revisions/${revisionId}`, RevisionDetail)
}

/** The answer's `saved` is the snapshot in the history holding the text the restore replaced. */
export function restoreRevision(documentId: string, revisionId: number): Promise<RestoreAnswer> {
  return request('POST', `${documentPath(documentId)}/revisions/${revisionId}/restore`, RestoreAnswer)
}

export function compareVersions(documentId: string, from: VersionRef, to: VersionRef): Promise<ComparisonResult> {
  const query = new URLSearchParams({ from: String(from), to: String(to) })
  return request('GET', `${documentPath(documentId)}/compare?${query}`, ComparisonResult)
}

export interface ExportRequest {
  format: ExportFormat
  /** A revision's id; the current text when absent. */
  revision?: number
  /** Marks every page "Draft - not for submission"; allowed for an invalid draft. */
  working?: boolean
}

export function exportUrl(documentId: string, { format, revision, working }: ExportRequest): string {
  const query = new URLSearchParams({ format })
  if (revision !== undefined) query.set('revision', String(revision))
  if (working) query.set('working', '1')
  return `${documentPath(documentId)}/export?${query}`
}

export function redlineExportUrl(documentId: string, from: VersionRef, to: VersionRef, format: RedlineFormat): string {
  const query = new URLSearchParams({ from: String(from), to: String(to), format })
  return `${documentPath(documentId)}/compare/export?${query}`
}

/**
 * The problems a refusal of the draft as it stands lists (`draft_invalid`, or `draft_under_negotiation`: brackets or
 * alternatives left for an export for submission), or null for any other error.
 */
export function draftProblemsOf(error: unknown): DraftProblem[] | null {
  if (!(error instanceof ApiError) || (error.code !== 'draft_invalid' && error.code !== 'draft_under_negotiation')) return null
  return Array.isArray(error.details) ? (error.details as DraftProblem[]) : []
}

/** The file name a `Content-Disposition` header gives, or `fallback`. */
export function attachmentName(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback
  const encoded = contentDisposition.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/)
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim())
    } catch {
      // Malformed percent-encoding: try the plain parameter.
    }
  }
  const plain = contentDisposition.match(/filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/)
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim()
  return name || fallback
}

export interface DownloadedFile {
  blob: Blob
  fileName: string
}

/** Fetches a file the API serves as an attachment; errors (422 `draft_invalid` among them) as ApiError. */
export async function fetchAttachment(url: string, fallbackName: string): Promise<DownloadedFile> {
  const response = await call('GET', url)
  return { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition'), fallbackName) }
}
