import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
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
  const { t } = useTranslation('seller')
  const f = useFormat()
  return (
    <ul aria-label={t('photosEditor.uploads')} className="space-y-2">
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
            <p className="truncate font-medium" dir="auto">
              {upload.name}
            </p>
            {upload.state === 'failed' ? (
              <p className="text-red-700">{upload.error}</p>
            ) : (
              <>
                <progress
                  max={100}
                  value={upload.state === 'queued' ? 0 : Math.round(upload.progress * 100)}
                  aria-label={t('photosEditor.uploadingFile', { name: upload.name })}
                  className="mt-1 h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-600"
                />
                <p className="text-xs text-stone-500">
                  {upload.state === 'queued'
                    ? t('photosEditor.state.queued')
                    : upload.state === 'uploading'
                      ? t('photosEditor.state.uploading', { percent: f.percent(upload.progress) })
                      : t('photosEditor.state.processing')}
                </p>
              </>
            )}
          </div>
          {upload.state === 'failed' ? (
            <div className="flex shrink-0 gap-2">
              {upload.retryable ? (
                <button type="button" className="btn-secondary" onClick={() => onRetry(upload)}>
                  {t('photosEditor.tryAgain')}
                </button>
              ) : null}
              <button
                type="button"
                className="btn-secondary"
                onClick={() => onDismiss(upload.key)}
                aria-label={t('photosEditor.dismissFile', { name: upload.name })}
              >
                {t('photosEditor.dismiss')}
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
