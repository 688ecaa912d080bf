/** The language switch in the header: the six official languages, each named in itself; remembered for the member. */
import { useId, useState } from 'react'
import { languages, nativeLanguageNames, Language } from '../../shared/i18n/languages.ts'
import { saveLanguage } from '../api/auth.ts'
import { setLanguage, t, useLanguage } from './i18n.ts'

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const language = useLanguage()
  const id = useId()
  const [failed, setFailed] = useState(false)
  const choose = async (value: string) => {
    const next = Language.parse(value)
    setFailed(false)
    try {
      await setLanguage(next)
    } catch {
      // The catalogues could not be fetched (offline before they were kept): the interface stays as it is.
      setFailed(true)
      return
    }
    // Remembered on this browser already; for the member on every browser when the server can be told.
    if (signedIn) void saveLanguage(next).catch(() => undefined)
  }
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('i18n.language')}</label>
      <select id={id} value={language} onChange={(event) => void choose(event.target.value)}>
        {languages.map((option) => (
          <option key={option} value={option} lang={option} dir="auto" translate="no">
            {nativeLanguageNames[option]}
          </option>
        ))}
      </select>
      {failed && (
        <span className="language-switch-error" role="alert">
          {t('i18n.loadFailed')}
        </span>
      )}
    </div>
  )
}
