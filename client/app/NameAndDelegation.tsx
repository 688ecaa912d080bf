/** A person's name and, when they have one, their delegation, side by side: names, never translated, each read in its own direction. */
export function NameAndDelegation({
  person,
  nameClass,
  delegationClass,
}: {
  person: { name: string; delegation: string | null }
  nameClass: string
  delegationClass: string
}) {
  return (
    <>
      <span className={nameClass} translate="no" dir="auto">
        {person.name}
      </span>
      {person.delegation && (
        <span className={delegationClass} translate="no" dir="auto">
          {person.delegation}
        </span>
      )}
    </>
  )
}
