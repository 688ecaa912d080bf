/** `/api/catalogue`: the framework catalogue in force, its kept versions, and the secretariat's override. */
import { Hono } from 'hono'
import { pillarTitles, pillars } from '../../shared/framework/index.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { CatalogueHistory, CatalogueUpdate, CatalogueVersionDetail, ServedCatalogue } from '../../shared/schema/catalogue.ts'
import { allow } from '../auth/authenticate.ts'
import type { CatalogueStore } from '../catalogue/catalogueStore.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'

const pillarList = pillars.map((id) => ({ id, title: pillarTitles[id] }))

function served(catalogue: CatalogueStore): ServedCatalogue {
  return { ...catalogue.current(), revision: catalogue.currentRevision(), pillars: pillarList }
}

export function catalogueRoutes({ catalogue }: { catalogue: CatalogueStore }) {
  return new Hono<AppEnv>()
    .get('/', allow('catalogue.read'), async (c) => reply(c, ServedCatalogue, served(catalogue)))
    .get('/history', allow('catalogue.read'), async (c) => reply(c, CatalogueHistory, await catalogue.history()))
    .get('/revisions/:revision', allow('catalogue.read'), async (c) => {
      const text = c.req.param('revision')
      const revision = /^\d{1,9}$/.test(text) ? Number(text) : null
      const version = revision === null ? null : await catalogue.version(revision)
      if (!version) throw new ApiError(404, 'catalogue_revision_not_found', `the catalogue has no revision ${text}`)
      return reply(c, CatalogueVersionDetail, version)
    })
    .put('/', allow('catalogue.edit'), async (c) => {
      const { baseRevision, ...override } = await parseJson(c, CatalogueUpdate)
      await catalogue.replaceOverride(override, c.get('member').id, baseRevision)
      return reply(c, ServedCatalogue, served(catalogue))
    })
}
