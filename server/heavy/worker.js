// Entry of a heavy-work thread: threads do not inherit the parent's TypeScript loader, so tsx is registered here.
import { register } from 'tsx/esm/api'

register()
await import('./workerMain.ts')
