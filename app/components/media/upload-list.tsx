/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { Upload } from './use-photo-uploads.ts'

/** The photos on their way: progress while they upload, and why one was refused. */
export function UploadList({
  uploads,
  onRetry,
  onDismiss,
}: {
  uploads: Upload[]
  onRetry: (upload: Upload) => void
  onDismiss: (key: string) => void
}) {
  return (
    <ul aria-label="Uploads" className="space-y-2">
      {uploads.map((upload) => (
        <li
          key={upload.key}
          className="flex items-center gap-3 rounded-md border border-stone-200 bg-white p-2 text-sm"
          data-testid="upload-row"
        >
          {upload.preview ? (
            <img
              src={upload.preview}
              alt=""
              width={48}
              height={48}
              className="h-12 w-12 shrink-0 rounded object-cover"
            />
          ) : (
            <span
              aria-hidden
              className="flex h-12 w-12 shrink-0 items-center justify-center rounded bg-red-50 text-lg text-red-600"
            >
              !
            </span>
          )}
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{upload.name}</p>
            {upload.state === 'failed' ? (
              <p className="text-red-700">{upload.error}</p>
            ) : (
              <>
                <progress
                  max={100}
                  value={upload.state === 'queued' ? 0 : Math.round(upload.progress * 100)}
                  aria-label={`Uploading ${upload.name}`}
                  className="mt-1 h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-600"
                />
                <p className="text-xs text-stone-500">
                  {upload.state === 'queued'
                    ? 'Waiting…'
                    : upload.state === 'uploading'
                      ? `Uploading… ${Math.round(upload.progress * 100)}%`
                      : 'Optimising for every screen…'}
                </p>
              </>
            )}
          </div>
          {upload.state === 'failed' ? (
            <div className="flex shrink-0 gap-2">
              {upload.retryable ? (
                <button type="button" className="btn-secondary" onClick={() => onRetry(upload)}>
                  Try again
                </button>
              ) : null}
              <button
                type="button"
                className="btn-secondary"
                onClick={() => onDismiss(upload.key)}
                aria-label={`Dismiss ${upload.name}`}
              >
                Dismiss
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
