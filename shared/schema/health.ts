/** `GET /healthz`: whether the server takes work, and how many documents it holds loaded. */
import { z } from 'zod'

export const Health = z.object({ status: z.enum(['ok', 'shutting_down']), rooms: z.number().int().nonnegative() })
export type Health = z.infer<typeof Health>
