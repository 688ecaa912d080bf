/** Shown for a hash the app does not know. */
export function NotFoundPage() {
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="#/">Go to the workspaces</a>.
      </p>
    </section>
  )
}
