/** The comment filters: open only, mine, one delegation's, stakeholder input. */
import type { ThreadFilters } from './threadFilters.ts'

export function CommentFilters({ filters, delegations, onChange }: { filters: ThreadFilters; delegations: string[]; onChange: (filters: ThreadFilters) => void }) {
  const toggle = (key: 'openOnly' | 'mine' | 'stakeholderInput') => (
    <input type="checkbox" checked={filters[key]} onChange={(event) => onChange({ ...filters, [key]: event.target.checked })} />
  )
  return (
    <fieldset className="comment-filters">
      <legend className="visually-hidden">Show comments</legend>
      <label>{toggle('openOnly')} Open only</label>
      <label>{toggle('mine')} Mine</label>
      <label>{toggle('stakeholderInput')} Stakeholder input</label>
      <label>
        Delegation{' '}
        <select value={filters.delegation ?? ''} onChange={(event) => onChange({ ...filters, delegation: event.target.value || null })}>
          <option value="">All</option>
          {delegations.map((delegation) => (
            <option key={delegation} value={delegation}>
              {delegation}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  )
}
