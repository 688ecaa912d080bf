/**
 * Zod without compiled validators: the server's Content-Security-Policy allows no eval, and zod decides whether to
 * compile (and probes for eval) when a schema is defined. Imported first by main.tsx, before any schema exists.
 */
import { z } from 'zod'

z.config({ jitless: true })
