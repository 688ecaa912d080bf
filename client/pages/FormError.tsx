/** A form's failure, in the reader's language where its code is known, else in the server's words, with the fields it names. */
import { ApiError } from '../api/http.ts'
import { errorText } from '../app/errorText.ts'
import { t } from '../i18n/i18n.ts'

/** Refusals of the paragraph status controls, said in the reader's language (the server's words name block keys). */
const refusalIds: Record<string, string> = {
  block_agreed: 'pages.errorBlockAgreed',
  block_not_agreed: 'pages.errorBlockNotAgreed',
}

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details.map((detail) => (typeof detail === 'string' ? detail : typeof detail?.message === 'string' ? detail.message : JSON.stringify(detail)))
}

export function FormError({ error }: { error: unknown }) {
  if (!error) return null
  const refusal = error instanceof ApiError ? refusalIds[error.code] : undefined
  const message = refusal ? t(refusal) : errorText(error)
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
