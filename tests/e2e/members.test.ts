/**
 * Member management in the browser: the secretariat invites through the members page, names a co-facilitator of one DTG
 * (who then edits there and only reads in the other), sees participation by regional group and the contributors of a
 * document, changes a member's role and regional group, and revokes a member whose page is open: their socket closes, the page signs out, their API calls get 401.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { connectClient } from '../helpers/clients.ts'
import { mintToken, type TestServer } from '../helpers/server.ts'
import { api, connectionState, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

interface WorkspaceRecord {
  id: string
  dtg: number
  title: string
}

interface MemberRecord {
  id: number
  name: string
  role: string
  regionalGroup: string | null
  revokedAt: number | null
  leads: string[]
}

interface Participation {
  series: { start: number; counts: Record<string, { edits: number; comments: number }> }[]
}

interface Visitor {
  context: BrowserContext
  page: Page
  pageErrors: string[]
}

/** Opens a sign-in link in a fresh browser context and waits until the member is signed in. */
async function openLink(browser: Browser, link: string, name: string): Promise<Visitor> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(link)
  await page.locator('.member-name', { hasText: name }).waitFor()
  return { context, page, pageErrors }
}

async function status(page: Page, url: string): Promise<number> {
  return page.evaluate(async (path) => (await fetch(path)).status, url)
}

/** An anchor on the first words of a document, made as the editor makes them (Yjs relative positions into `content`). */
async function anchorOnFirstWords(server: TestServer, documentId: string): Promise<{ start: string; end: string; quote: string }> {
  const client = connectClient(server.wsUrl, documentId, await mintToken(server.dataDir, 'Anchor maker', 'secretariat'))
  try {
    await client.synced
    const texts: Y.XmlText[] = []
    const walk = (node: Y.XmlFragment | Y.XmlElement) => {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) texts.push(child)
        else if (child instanceof Y.XmlElement) walk(child)
      }
    }
    walk(client.doc.getXmlFragment('content'))
    const xmlText = texts.find((text) => text.length >= 8)
    if (!xmlText) throw new Error('the document has no text to anchor a comment on')
    const quote = xmlText.toString().replace(/<[^>]+>/g, '').slice(0, 8)
    const encode = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(xmlText, index, -1))).toString('base64')
    return { start: encode(0), end: encode(quote.length), quote }
  } finally {
    client.destroy()
  }
}

async function firstDocumentOf(page: Page, workspaceId: string): Promise<string> {
  const { documents } = await api<{ documents: { id: string }[] }>(page, 'GET', `/api/workspaces/${workspaceId}`)
  return documents[0].id
}

describe('members, co-facilitators, participation and revocation', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let amina: Visitor
  let dtg1: WorkspaceRecord
  let dtg2: WorkspaceRecord
  let dtg1Document: string
  let dtg2Document: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    secretariat.page.setDefaultTimeout(15_000)
    const workspaces = await api<WorkspaceRecord[]>(secretariat.page, 'GET', '/api/workspaces')
    dtg1 = workspaces.find((workspace) => workspace.dtg === 1)!
    dtg2 = workspaces.find((workspace) => workspace.dtg === 2)!
    ;[dtg1Document, dtg2Document] = await Promise.all([firstDocumentOf(secretariat.page, dtg1.id), firstDocumentOf(secretariat.page, dtg2.id)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('the secretariat invites a member on the members page, copies the one-time link, and the link signs her in', async () => {
    const { page, context } = secretariat
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Members' }).click()
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor()
    await page.getByRole('table', { name: 'Current members' }).getByRole('rowheader', { name: /Secretariat officer/ }).waitFor()

    const form = page.getByRole('form', { name: 'Invite a member' })
    await form.getByLabel('Name').fill('Amina Odhiambo')
    await form.getByLabel('Role').selectOption({ label: 'Co-facilitator' })
    await form.getByLabel('Delegation or group').fill('Kenya')
    await form.getByLabel('Regional group').selectOption({ label: 'African Group' })
    await form.getByRole('button', { name: 'Invite member' }).click()

    const linkBox = form.getByTestId('invite-link')
    await linkBox.waitFor()
    const link = await linkBox.getByRole('textbox', { name: 'Sign-in link for Amina Odhiambo' }).inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/#invite=\\S+$`))
    await linkBox.getByRole('button', { name: 'Copy link' }).click()
    await linkBox.getByText('Copied to the clipboard.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)

    const row = page.getByRole('table', { name: 'Current members' }).getByRole('row', { name: /Amina Odhiambo/ })
    await row.waitFor()
    expect(await row.textContent()).toMatch(/Co-facilitator.*Kenya.*African Group/)
    await screenshot(page, 'members-page', { fullPage: true })

    amina = await openLink(browser, link, 'Amina Odhiambo')
    expect(await amina.page.locator('.member-role').textContent()).toBe('Co-facilitator, Kenya')
    // Her own link is spent; the server agrees on who she is.
    expect((await api<{ member: { name: string } }>(amina.page, 'GET', '/api/me')).member.name).toBe('Amina Odhiambo')
  })

  test('only the secretariat manages members: others get no link and a clear message, and the API answers 403', async () => {
    const { page } = amina
    expect(await page.getByRole('navigation', { name: 'Administration' }).count()).toBe(0)
    await page.goto(`${server.url}/#/members`)
    await page.getByTestId('members-forbidden').waitFor()
    expect(await page.getByTestId('members-forbidden').textContent()).toContain('Only the secretariat manages members.')
    expect(await status(page, '/api/members')).toBe(403)
  })

  test('named co-facilitator of DTG 1 on its page, she edits its document and only reads the DTG 2 document', async () => {
    // Before: she leads nothing, so DTG 1's document is read-only for her.
    await openDocument(amina.page, dtg1Document)
    await amina.page.locator('.read-only-banner').waitFor()

    const { page } = secretariat
    await page.goto(`${server.url}/#/workspaces/${dtg1.id}`)
    const section = page.getByTestId('cofacilitators')
    await section.getByText('No co-facilitator leads this workspace yet.').waitFor()
    const select = section.getByLabel('Add a co-facilitator')
    await select.locator('option', { hasText: 'Amina Odhiambo (Kenya)' }).waitFor({ state: 'attached' })
    await select.selectOption({ label: 'Amina Odhiambo (Kenya)' })
    await section.getByRole('button', { name: 'Add', exact: true }).click()
    await section.locator('.cofacilitator', { hasText: 'Amina Odhiambo' }).waitFor()
    await section.getByRole('button', { name: 'Remove Amina Odhiambo as co-facilitator' }).waitFor()
    await screenshot(page, 'workspace-cofacilitators')
    const members = await api<{ members: MemberRecord[] }>(page, 'GET', '/api/members')
    expect(members.members.find((member) => member.name === 'Amina Odhiambo')!.leads).toEqual([dtg1.id])

    // She sees the co-facilitators read-only on the workspace page.
    await amina.page.goto(`${server.url}/#/workspaces/${dtg1.id}`)
    const herView = amina.page.getByTestId('cofacilitators')
    await herView.locator('.cofacilitator', { hasText: 'Amina Odhiambo' }).waitFor()
    expect(await herView.getByRole('button').count()).toBe(0)

    await openDocument(amina.page, dtg1Document)
    expect(await amina.page.locator('.read-only-banner').count()).toBe(0)
    expect(await amina.page.locator('.draft-text').getAttribute('contenteditable')).toBe('true')
    await amina.page.getByRole('toolbar').first().waitFor()
    await typeAtEnd(amina.page, ' Kenya, for the African Group, proposes this sentence.')
    await expect.poll(() => serverText(server, dtg1Document), { timeout: 15_000 }).toContain('Kenya, for the African Group, proposes this sentence.')

    await openDocument(amina.page, dtg2Document)
    await amina.page.locator('.read-only-banner').waitFor()
    expect(await amina.page.locator('.draft-text').getAttribute('contenteditable')).toBe('false')
    expect(await amina.page.getByRole('toolbar').count()).toBe(0)
    expect(amina.pageErrors).toEqual([])
  })

  test('participation by regional group: her edits and comment appear as African Group bars; the regions not heard yet are named', async () => {
    const { page } = secretariat
    // A comment through the API, as the comment UI would send it.
    await api(amina.page, 'POST', `/api/documents/${dtg1Document}/threads`, {
      anchor: await anchorOnFirstWords(server, dtg1Document),
      body: 'The African Group would like this paragraph to mention capacity-building.',
    })
    await expect
      .poll(
        async () => {
          const { series } = await api<Participation>(page, 'GET', `/api/workspaces/${dtg1.id}/participation?bucket=day`)
          return series.reduce((sum, bucket) => sum + (bucket.counts.african?.edits ?? 0), 0)
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0)
    const { series } = await api<Participation>(page, 'GET', `/api/workspaces/${dtg1.id}/participation?bucket=day`)
    const africanEdits = series.reduce((sum, bucket) => sum + (bucket.counts.african?.edits ?? 0), 0)

    await page.goto(`${server.url}/#/workspaces/${dtg1.id}`)
    const chart = page.getByTestId('participation')
    await chart.getByRole('button', { name: 'Refresh' }).click()
    const africanBars = chart.locator('svg[data-metric="edits"] .participation-bar[data-group="african"]')
    await africanBars.first().waitFor()
    expect(await chart.locator('svg[data-metric="comments"] .participation-bar[data-group="african"]').count()).toBe(1)
    expect(await chart.locator('svg[data-metric="comments"] .participation-bar').count()).toBe(1)
    expect(await chart.locator('.participation-legend').textContent()).toContain('Latin American and Caribbean Group')
    const silent = await chart.getByTestId('participation-silent').textContent()
    expect(silent).toContain('No comments or edits yet from:')
    for (const group of ['Asia-Pacific Group', 'Eastern European Group', 'Latin American and Caribbean Group', 'Western European and Others Group']) {
      expect(silent).toContain(group)
    }
    expect(silent).not.toContain('African Group')

    // The table holds the same numbers as the bars, and the toggle shows it.
    await chart.getByRole('button', { name: 'Show the numbers as a table' }).click()
    const table = chart.getByRole('table', { name: /Edits and comments per regional group, by day/ })
    await table.waitFor()
    const totalRow = table.locator('tfoot tr')
    const totals = await totalRow.locator('td').allTextContents()
    expect(Number(totals[0])).toBe(africanEdits) // African Group comes first: edits, then comments
    expect(Number(totals[1])).toBe(1)
    expect(totals.slice(2).every((total) => total === '0')).toBe(true)
    await screenshot(page, 'participation-chart', { selector: '[data-testid="participation"]' })

    await chart.getByRole('button', { name: 'By week' }).click()
    await chart.getByRole('table', { name: /by week/ }).waitFor()
    await africanBars.first().waitFor()
    expect(secretariat.pageErrors).toEqual([])
  })

  test('the contributors panel of the document lists who changed it', async () => {
    const { page } = secretariat
    await openDocument(page, dtg1Document)
    const panel = page.getByTestId('contributors-panel')
    await panel.locator('summary').click()
    const row = panel.getByRole('row', { name: /Amina Odhiambo/ })
    await row.waitFor()
    const cells = await row.locator('td').allTextContents()
    expect(Number(cells[0])).toBeGreaterThan(0)
    expect(cells[1]).toMatch(/\d+(\.\d)? (B|kB)/)
    // Her typing a moment ago reads as one spell of work: all her updates on one line.
    const latest = await panel.locator('.contributors-recent li').first().textContent()
    expect(latest).toContain('Amina Odhiambo (Kenya)')
    expect(latest).toContain(`${cells[0]} updates`)
    await screenshot(page, 'contributors-panel', { selector: '[data-testid="contributors-panel"]' })
  })

  test('the secretariat corrects a member\'s regional group and changes her role; her open page follows; its own role it cannot change', async () => {
    const { page } = secretariat
    const { inviteUrl } = await api<{ inviteUrl: string }>(page, 'POST', '/api/members', {
      name: 'Kadri Tamm',
      role: 'delegation',
      delegation: 'Estonia',
      regionalGroup: 'weog',
    })
    const kadri = await openLink(browser, inviteUrl, 'Kadri Tamm')
    await openDocument(kadri.page, dtg2Document)
    await kadri.page.locator('.read-only-banner').waitFor()
    expect(await kadri.page.locator('.member-role').textContent()).toBe('Delegation, Estonia')

    await page.goto(`${server.url}/#/members`)
    const table = page.getByRole('table', { name: 'Current members' })
    const row = table.getByRole('row', { name: /Kadri Tamm/ })
    await row.waitFor()
    expect(await row.textContent()).toMatch(/Delegation.*Estonia.*Western European and Others Group/)
    await table.getByRole('button', { name: 'Edit Kadri Tamm' }).click()
    const form = page.getByRole('form', { name: 'Edit Kadri Tamm' })
    expect(await form.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true)
    await form.getByLabel('Regional group').selectOption({ label: 'Eastern European Group' })
    await form.getByLabel('Role').selectOption({ label: 'Co-facilitator' })
    await form.getByText('Documents Kadri Tamm has open reconnect at once').waitFor()
    await screenshot(page, 'members-edit', { selector: '[aria-label="Current members"]' })
    await form.getByRole('button', { name: 'Save changes' }).click()

    await page.getByTestId('members-done').filter({ hasText: "Kadri Tamm's role is now Co-facilitator" }).waitFor()
    await table.getByRole('row', { name: /Kadri Tamm/ }).filter({ hasText: 'Eastern European Group' }).waitFor()
    expect(await table.getByRole('row', { name: /Kadri Tamm/ }).textContent()).toMatch(/Co-facilitator.*Estonia.*Eastern European Group/)
    const record = (await api<{ members: MemberRecord[] }>(page, 'GET', '/api/members')).members.find((member) => member.name === 'Kadri Tamm')!
    expect(record).toMatchObject({ role: 'cofacilitator', regionalGroup: 'eastern-european', delegation: 'Estonia' })

    // Her open document reconnected: the header shows her new role without a reload. She leads no workspace, so it stays read-only.
    await kadri.page.locator('.member-role', { hasText: 'Co-facilitator, Estonia' }).waitFor()
    await kadri.page.locator('.read-only-banner', { hasText: 'You do not co-facilitate this workspace' }).waitFor()
    await connectionState(kadri.page, 'Connected')
    expect(kadri.pageErrors).toEqual([])
    await kadri.context.close()

    // The secretariat's own role: the server refuses, and the form says why.
    await table.getByRole('button', { name: 'Edit Secretariat officer' }).click()
    const own = page.getByRole('form', { name: 'Edit Secretariat officer' })
    await own.getByText('Another secretariat member must change your own role.').waitFor()
    await own.getByLabel('Role').selectOption({ label: 'Delegation' })
    await own.getByRole('button', { name: 'Save changes' }).click()
    await own.getByRole('alert').filter({ hasText: 'another secretariat member must change your role' }).waitFor()
    expect((await api<{ member: { role: string } }>(page, 'GET', '/api/me')).member.role).toBe('secretariat')
    // Escape closes the form and gives the focus back to its Edit button.
    await own.getByLabel('Delegation or group').press('Escape')
    await own.waitFor({ state: 'detached' })
    expect(await table.getByRole('button', { name: 'Edit Secretariat officer' }).evaluate((button) => button === document.activeElement)).toBe(true)
    expect(secretariat.pageErrors).toEqual([])
    await page.goto(`${server.url}/#/`)
  })

  test('revoking a member whose document is open closes her connection and signs her out; her API calls get 401', async () => {
    const { page } = secretariat
    const { inviteUrl } = await api<{ inviteUrl: string }>(page, 'POST', '/api/members', {
      name: 'Maria Souza',
      role: 'delegation',
      delegation: 'Brazil',
      regionalGroup: 'latin-american-caribbean',
    })
    const maria = await openLink(browser, inviteUrl, 'Maria Souza')
    const socketClosed = new Promise<void>((resolve) => {
      maria.page.on('websocket', (socket) => {
        if (socket.url().includes('/collab/')) socket.on('close', () => resolve())
      })
    })
    await openDocument(maria.page, dtg1Document)
    await connectionState(maria.page, 'Connected')
    expect(await status(maria.page, '/api/me')).toBe(200)

    await page.goto(`${server.url}/#/members`)
    const members = page.getByRole('table', { name: 'Current members' })
    await members.getByRole('button', { name: 'Revoke Maria Souza' }).click()
    const confirm = page.getByRole('group', { name: 'Revoke Maria Souza' })
    expect(await confirm.textContent()).toContain('Their open documents disconnect at once')
    await confirm.getByRole('button', { name: 'Revoke access' }).click()

    await page.getByTestId('members-done').filter({ hasText: "Maria Souza's access is revoked" }).waitFor()
    const revoked = page.getByRole('table', { name: 'Revoked members' })
    await revoked.getByRole('row', { name: /Maria Souza/ }).waitFor()
    expect(await revoked.locator('s', { hasText: 'Maria Souza' }).count()).toBe(1)
    expect(await members.getByRole('row', { name: /Maria Souza/ }).count()).toBe(0)

    await socketClosed
    await maria.page.getByTestId('session-ended').waitFor()
    await screenshot(page, 'members-revoked', { fullPage: true })
    await screenshot(maria.page, 'revoked-member-signed-out')
    expect(await maria.page.getByRole('heading', { name: 'You have been signed out' }).count()).toBe(1)
    expect(await status(maria.page, '/api/me')).toBe(401)
    expect(await status(maria.page, `/api/documents/${dtg1Document}`)).toBe(401)
    const record = (await api<{ members: MemberRecord[] }>(page, 'GET', '/api/members')).members.find((member) => member.name === 'Maria Souza')!
    expect(record.revokedAt).not.toBeNull()
    expect(maria.pageErrors).toEqual([])
    await maria.context.close()
  })

  test('inviting a co-facilitator, the secretariat chooses the workspaces they lead: they edit there from their first sign-in', async () => {
    const { page } = secretariat
    await page.goto(`${server.url}/#/members`)
    const form = page.getByRole('form', { name: 'Invite a member' })
    await form.getByLabel('Name').fill('Lars Berg')
    await form.getByLabel('Delegation or group').fill('Sweden')
    // Only a co-facilitator is offered workspaces to lead.
    expect(await form.getByRole('group', { name: 'Workspaces they lead' }).count()).toBe(0)
    await form.getByLabel('Role').selectOption({ label: 'Co-facilitator' })
    const leads = form.getByRole('group', { name: 'Workspaces they lead' })
    await leads.getByRole('checkbox', { name: dtg2.title }).check()
    await form.getByRole('button', { name: 'Invite member' }).click()
    const link = await form.getByTestId('invite-link').getByRole('textbox', { name: 'Sign-in link for Lars Berg' }).inputValue()

    const record = (await api<{ members: MemberRecord[] }>(page, 'GET', '/api/members')).members.find((member) => member.name === 'Lars Berg')!
    expect(record.leads).toEqual([dtg2.id])
    const lars = await openLink(browser, link, 'Lars Berg')
    await openDocument(lars.page, dtg2Document)
    expect(await lars.page.locator('.read-only-banner').count()).toBe(0)
    await lars.page.getByRole('toolbar', { name: 'Formatting' }).waitFor()
    await openDocument(lars.page, dtg1Document)
    await lars.page.locator('.read-only-banner').waitFor()
    await lars.context.close()
  })

  test('in Arabic the members page reads right to left: its words in Arabic, the table mirrored, names as written', async () => {
    const { page } = secretariat
    await page.goto(`${server.url}/#/members`)
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor()
    await page.getByLabel('Language', { exact: true }).selectOption('ar')
    try {
      await page.getByRole('heading', { name: 'الأعضاء', level: 1 }).waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      const table = page.getByRole('table', { name: 'الأعضاء الحاليون' })
      const row = table.getByRole('row', { name: /Secretariat officer/ })
      expect(await row.textContent()).toContain('الأمانة')
      expect(await row.locator('[translate="no"]', { hasText: 'Secretariat officer' }).count()).toBe(1)
      // Mirrored: the first column (the name) stands to the right of the second (the role).
      const [name, role] = await Promise.all([table.getByRole('columnheader', { name: 'الاسم' }).boundingBox(), table.getByRole('columnheader', { name: 'الدور' }).boundingBox()])
      expect(name!.x).toBeGreaterThan(role!.x)
      await page.getByRole('form', { name: 'دعوة عضو' }).waitFor()
      // The edit form's rule marks its start: the right-hand side in Arabic.
      await row.getByRole('button', { name: 'تعديل Secretariat officer' }).click()
      const edit = page.getByRole('form', { name: 'تعديل Secretariat officer' })
      expect(await edit.evaluate((form) => [getComputedStyle(form).borderRightWidth, getComputedStyle(form).borderLeftWidth])).toEqual(['4px', '0px'])
      await edit.getByRole('button', { name: 'إلغاء' }).click()
    } finally {
      await page.getByLabel('اللغة', { exact: true }).selectOption('en')
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor()
    }
  })
})
