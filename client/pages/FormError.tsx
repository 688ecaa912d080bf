/** A form's failure, as errorMessage states it (in the reader's language where its code is known), with the fields it names. */
import { errorMessage } from '../api/errorMessage.ts'
import { ApiError } from '../api/http.ts'

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details.map((detail) => (typeof detail === 'string' ? detail : typeof detail?.message === 'string' ? detail.message : JSON.stringify(detail)))
}

export function FormError({ error }: { error: unknown }) {
  if (!error) return null
  const message = errorMessage(error)
  const lines = error instanceof ApiError ? detailLines(error.details) : []
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line, index) => (
            <li key={index} dir="auto">
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
