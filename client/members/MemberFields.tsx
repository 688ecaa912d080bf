/** The role and regional-group choices of the invite and edit forms, so both offer the same options in the same words. */
import { regionalGroups, roles } from '../../shared/schema/member.ts'
import { regionalGroupLabel } from '../app/regionalGroupLabels.ts'
import { roleLabel } from '../app/roleLabels.ts'

export function RoleOptions() {
  return (
    <>
      {roles.map((value) => (
        <option key={value} value={value}>
          {roleLabel(value)}
        </option>
      ))}
    </>
  )
}

/** The five UN regional groups, after a "none" choice when `noneLabel` is given. */
export function RegionalGroupOptions({ noneLabel }: { noneLabel?: string }) {
  return (
    <>
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      {regionalGroups.map((value) => (
        <option key={value} value={value}>
          {regionalGroupLabel(value)}
        </option>
      ))}
    </>
  )
}

