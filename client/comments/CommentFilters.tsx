/** The comment filters: open only, mine, one delegation's, stakeholder input. */
import { t } from '../i18n/i18n.ts'
import type { ThreadFilters } from './threadFilters.ts'

export function CommentFilters({ filters, delegations, onChange }: { filters: ThreadFilters; delegations: string[]; onChange: (filters: ThreadFilters) => void }) {
  const toggle = (key: 'openOnly' | 'mine' | 'stakeholderInput') => (
    <input type="checkbox" checked={filters[key]} onChange={(event) => onChange({ ...filters, [key]: event.target.checked })} />
  )
  return (
    <fieldset className="comment-filters">
      <legend className="visually-hidden">{t('comments.filtersLegend')}</legend>
      <label>
        {toggle('openOnly')} {t('comments.filterOpenOnly')}
      </label>
      <label>
        {toggle('mine')} {t('comments.filterMine')}
      </label>
      <label>
        {toggle('stakeholderInput')} {t('comments.stakeholderInput')}
      </label>
      <label>
        {t('comments.filterDelegation')}{' '}
        <select value={filters.delegation ?? ''} onChange={(event) => onChange({ ...filters, delegation: event.target.value || null })}>
          <option value="">{t('comments.filterAllDelegations')}</option>
          {delegations.map((delegation) => (
            <option key={delegation} value={delegation} translate="no" dir="auto">
              {delegation}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  )
}
