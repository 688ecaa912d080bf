/** What the shell shows before there is a member to show pages to: signing in, or the server out of reach. */
export function SigningIn() {
  return (
    <main className="page narrow">
      <p className="loading" role="status">
        Signing in…
      </p>
    </main>
  )
}

export function Unreachable({ message }: { message: string }) {
  return (
    <main className="page narrow">
      <div className="notice notice-error" role="alert">
        <p>The workspace cannot be reached: {message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </main>
  )
}
