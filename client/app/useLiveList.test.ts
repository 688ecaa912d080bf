import { expect, test } from 'vitest'
import { ApiError } from '../api/http.ts'
import { listingRetryDelay } from './useLiveList.ts'

test('a listing the server put off is asked for again, each wait about twice the last, five times at most; other failures are shown', () => {
  const busy = new ApiError(503, 'server_busy', 'the server is busy')
  const share = new ApiError(429, 'too_many_jobs', 'you have 2 exports or comparisons under way already')
  expect([0, 1, 2, 3, 4, 5].map((attempt) => listingRetryDelay(busy, attempt, 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, null])
  // Give or take half, so that pages put off together spread out.
  expect([0, 0.999].map((random) => listingRetryDelay(busy, 2, random))).toEqual([2000, 5996])
  expect(listingRetryDelay(share, 0, 0.5)).toBe(1000)
  expect(listingRetryDelay(new ApiError(403, 'forbidden', 'no'), 0)).toBeNull()
  expect(listingRetryDelay(new ApiError(0, 'network_error', 'the server cannot be reached'), 0)).toBeNull()
  expect(listingRetryDelay(new Error('unexpected'), 0)).toBeNull()
})
