/** The one error shape of the REST API: the JSON envelope on the wire and the error both sides throw. */
import { z } from 'zod'

/** `{ "error": { "code", "message", "details"? } }`: what every failed API response carries. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string().min(1, 'error.code must not be empty').max(80, 'error.code must be at most 80 characters'),
    message: z.string().min(1, 'error.message must not be empty').max(2000, 'error.message must be at most 2000 characters'),
    details: z.unknown().optional(),
  }),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

export function errorEnvelope(code: string, message: string, details?: unknown): ErrorEnvelope {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } }
}

/**
 * A failure the user can act on: thrown by the server's domain code and routes (and answered once, as the
 * envelope with `status`, by the app's error handler), and by the client's API calls for a failed response.
 * `status` 0 on the client means the server could not be reached.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.code, this.message, this.details)
  }
}

export interface PayloadIssue {
  path: string
  message: string
}

/** A rejected payload as a 400 `invalid_payload` error whose message lists each field and its problem. */
export function invalidPayload(error: z.ZodError): ApiError {
  const details: PayloadIssue[] = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  const message = details.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; ')
  return new ApiError(400, 'invalid_payload', message, details)
}
