/** `npm run admin -- <command>`: administration of the workspace from the shell. */
import { parseArgs } from 'node:util'
import { Delegation, Role, roles } from '../shared/schema/member.ts'
import { MemberDirectory, MemberError } from './auth/members.ts'
import { Sessions } from './auth/sessions.ts'
import { loadConfig, publicUrlOf } from './config.ts'
import { openSqlite } from './store/sqlite.ts'
import { inviteLink } from './workspaces/demo.ts'

const usage = `usage: npm run admin -- <command> [options]

commands:
  token --name <name> --role <${roles.join('|')}> [--delegation <name>]
      adds the member if new and prints a new bearer token as the last line
  invite --name <name> --role <${roles.join('|')}> [--delegation <name>]
      adds the member if new and prints a one-time sign-in link as the last line
  members
      lists the members

environment: DATA_DIR (default ./data), PUBLIC_URL (default http://HOST:PORT)`

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const memberOptions = { name: { type: 'string' }, role: { type: 'string' }, delegation: { type: 'string' } } as const

function main(argv: string[]): void {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    console.log(usage)
    return
  }
  const config = loadConfig()
  const db = openSqlite(config.dataDir)
  const members = new MemberDirectory(db)
  const readMember = () => {
    const { values } = parseArgs({ args: rest, options: memberOptions })
    if (!values.name?.trim()) fail(`${command} needs --name\n\n${usage}`)
    const role = Role.safeParse(values.role)
    if (!role.success) fail(`${command} needs --role, one of: ${roles.join(', ')}`)
    const delegation = values.delegation === undefined ? null : Delegation.safeParse(values.delegation)
    if (delegation && !delegation.success) fail(`--delegation: ${delegation.error.issues[0].message}`)
    return members.ensureMember(values.name.trim(), role.data, delegation?.data ?? null)
  }
  try {
    switch (command) {
      case 'token': {
        const member = readMember()
        const token = members.issueToken(member.id)
        console.log(`token for ${member.name} (${member.role}); it is shown once, keep it secret:`)
        console.log(token)
        break
      }
      case 'invite': {
        const member = readMember()
        const sessions = new Sessions(db, { sessionTtlMs: config.sessionTtlMs, inviteTtlMs: config.inviteTtlMs })
        const token = sessions.createInvite(member.id)
        const hours = Math.round(config.inviteTtlMs / 3_600_000)
        console.log(`one-time sign-in link for ${member.name} (${member.role}), valid for ${hours} hours:`)
        console.log(inviteLink(publicUrlOf(config), token))
        break
      }
      case 'members':
        for (const member of members.list()) {
          console.log(`${member.id}\t${member.role}\t${member.name}\t${member.delegation ?? ''}\t${new Date(member.createdAt).toISOString()}`)
        }
        break
      default:
        fail(`unknown command "${command}"\n\n${usage}`)
    }
  } catch (error) {
    if (error instanceof MemberError) fail(error.message)
    throw error
  } finally {
    db.close()
  }
}

main(process.argv.slice(2))
