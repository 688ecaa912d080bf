/** Downloads a file the API serves, keeping a refusal (422 draft_invalid with its problems, or any error) to show. */
import { useCallback, useState } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { draftProblemsOf, fetchAttachment, type DraftProblem } from '../api/revisions.ts'
import { saveFile } from './saveFile.ts'

export type DownloadState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; fileName: string }
  | { status: 'invalid'; message: string; problems: DraftProblem[] }
  | { status: 'failed'; message: string }

export function useDownload(): [DownloadState, (url: string, fallbackName: string) => Promise<void>, () => void] {
  const [state, setState] = useState<DownloadState>({ status: 'idle' })
  const download = useCallback(async (url: string, fallbackName: string) => {
    setState({ status: 'busy' })
    try {
      const file = await fetchAttachment(url, fallbackName)
      saveFile(file)
      setState({ status: 'done', fileName: file.fileName })
    } catch (error) {
      const message = errorMessage(error)
      const problems = draftProblemsOf(error)
      setState(problems ? { status: 'invalid', message, problems } : { status: 'failed', message })
    }
  }, [])
  const reset = useCallback(() => setState({ status: 'idle' }), [])
  return [state, download, reset]
}
