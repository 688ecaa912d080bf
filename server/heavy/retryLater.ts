/** An ApiError the client should retry later: answered with a Retry-After header (429 rate limits, 503 busy or store refusing writes). */
import { ApiError } from '../../shared/errors/apiError.ts'

export class RetryLater extends ApiError {
  constructor(
    status: 429 | 503,
    code: string,
    message: string,
    /** Seconds after which a retry has a fair chance; the Retry-After header. */
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message)
    this.name = 'RetryLater'
  }
}
