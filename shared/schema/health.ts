/** `GET /healthz`: whether the server takes work, and how many documents it holds loaded. */
import { z } from 'zod'

export const Health = z.object({ status: z.enum(['ok', 'shutting_down']), rooms: z.number().int().nonnegative() })
export type Health = z.infer<typeof Health>

/** One dependency `GET /readyz` checked: the database now; a fan-out (Redis) later. `error` is a short code, never a message. */
export const ReadinessCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  ms: z.number().nonnegative(),
  error: z.string().optional(),
})

/** `GET /readyz`: whether this instance can serve (200) or should get no traffic now (503), and why. */
export const Readiness = z.object({ status: z.enum(['ready', 'not_ready', 'shutting_down']), checks: z.array(ReadinessCheck) })
export type Readiness = z.infer<typeof Readiness>
