/** `/api/catalogue`: the framework catalogue in force, its history, and the secretariat's override. */
import { Hono } from 'hono'
import { CatalogueOverride, UnknownRetirementError, pillarTitles, pillars } from '../../shared/framework/index.ts'
import { allow } from '../auth/authenticate.ts'
import type { CatalogueStore } from '../catalogue/catalogueStore.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'

const pillarList = pillars.map((id) => ({ id, title: pillarTitles[id] }))

export function catalogueRoutes({ catalogue }: { catalogue: CatalogueStore }) {
  return new Hono<AppEnv>()
    .get('/', allow('catalogue.read'), (c) => c.json({ ...catalogue.current(), pillars: pillarList }))
    .get('/history', allow('catalogue.read'), (c) => c.json(catalogue.history()))
    .put('/', allow('catalogue.edit'), async (c) => {
      const body = await readJson(c, CatalogueOverride)
      if (!body.ok) return body.response
      try {
        return c.json({ ...catalogue.replaceOverride(body.value, c.get('member').id), pillars: pillarList })
      } catch (error) {
        if (error instanceof UnknownRetirementError) return apiError(c, 422, 'catalogue_unknown_retirement', error.message, { ids: error.ids })
        throw error
      }
    })
}
