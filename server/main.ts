/** Entry point of `npm start`: configuration from the environment, the server, a clean shutdown. */
import { ConfigError, loadConfig } from './config.ts'
import { log } from './log.ts'
import { builtClientDir } from './clientDir.ts'
import { startServer } from './server.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const server = await startServer(config, { clientDir: builtClientDir() })
  console.log(`DTG drafting workspace listening on ${server.url} (data in ${config.dataDir})`)
  if (server.demoInviteLink) {
    console.log('A demo workspace was created. Sign in as the secretariat with this one-time link:')
    console.log(server.demoInviteLink)
  }

  let signalled = false
  const shutdown = (signal: string) => {
    if (signalled) return
    signalled = true
    log.info('server.stopping', { signal })
    server.stop().then(
      () => process.exit(0),
      (error) => {
        log.error('server.stop_failed', { error })
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

// Whatever escapes is logged as one JSON line with its stack before the process ends.
process.on('uncaughtException', (error) => {
  log.error('process.uncaught_exception', { error })
  process.exit(1)
})
process.on('unhandledRejection', (error) => {
  log.error('process.unhandled_rejection', { error })
  process.exit(1)
})

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message)
  else log.error('server.start_failed', { error })
  process.exit(1)
})
