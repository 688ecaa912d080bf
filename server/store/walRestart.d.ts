/** Types of walRestart.js (plain JavaScript: the checkpoint thread runs it without the TypeScript loader). */

/** The part of a better-sqlite3 connection these use. */
export interface WalConnection {
  prepare(source: string): { pluck(): { get(): unknown } }
  pragma(source: string, options?: { simple: boolean }): unknown
  transaction(fn: () => void): { immediate(): void }
}

export function knowsNoopCheckpoint(db: Pick<WalConnection, 'prepare'>): boolean
export function restartLog(db: WalConnection): boolean
export function onlyRestartPage(file: string, frames: { log: number; checkpointed: number }): boolean
