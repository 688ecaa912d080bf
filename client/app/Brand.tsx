/** The workspace's name as it heads every page. */

export function Brand({ href }: { href?: string }) {
  const content = (
    <>
      <span className="app-emblem" aria-hidden="true">
        ◎
      </span>
      Global Mechanism on ICT security
      <span className="app-subtitle">DTG drafting workspace</span>
    </>
  )
  return href ? (
    <a className="app-title" href={href}>
      {content}
    </a>
  ) : (
    <span className="app-title">{content}</span>
  )
}
