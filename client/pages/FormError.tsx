/** A form's failure, in the server's words, with the fields it names. */
import { ApiError } from '../api/http.ts'

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details.map((detail) => (typeof detail === 'string' ? detail : typeof detail?.message === 'string' ? detail.message : JSON.stringify(detail)))
}

export function FormError({ error }: { error: unknown }) {
  if (!error) return null
  const message = error instanceof Error ? error.message : String(error)
  const lines = error instanceof ApiError ? detailLines(error.details) : []
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
