import { useState, type ChangeEvent, type DragEvent, type RefObject } from 'react'
import type { UploadLimits } from '~/services/media/limits.ts'
import { usePhotoText } from './use-photo-text.ts'

/** Where photos are added: drop them on it, or choose them with the file picker. */
export function PhotoDropzone({
  limits,
  room,
  formats,
  limitsId,
  fileInput,
  onFiles,
}: {
  limits: UploadLimits
  /** How many more photos the product can take. */
  room: number
  formats: string
  limitsId: string
  fileInput: RefObject<HTMLInputElement>
  onFiles: (files: File[]) => void
}) {
  const { t, f, size } = usePhotoText(limits)
  const [dropActive, setDropActive] = useState(false)

  function onFilesChosen(event: ChangeEvent<HTMLInputElement>) {
    onFiles(Array.from(event.target.files ?? []))
    event.target.value = ''
  }

  function onDropFiles(event: DragEvent) {
    if (!event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    setDropActive(false)
    onFiles(Array.from(event.dataTransfer.files))
  }

  return (
    <div
      onDragEnter={(event) => event.dataTransfer.types.includes('Files') && setDropActive(true)}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault()
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropActive(false)
      }}
      onDrop={onDropFiles}
      data-testid="photo-dropzone"
      className={`rounded-lg border-2 border-dashed p-6 text-center transition-colors ${dropActive ? 'border-brand-500 bg-brand-50' : 'border-stone-300 bg-white'}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="mx-auto h-10 w-10 text-stone-400"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      >
        <path
          d="M3 16.5V19a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-2.5M7.5 9 12 4.5 16.5 9M12 4.5V15"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p className="mt-2 text-sm text-stone-700">
        {t('photosEditor.dropzone')}{' '}
        <label
          className={`cursor-pointer rounded link focus-within:ring-2 focus-within:ring-brand-500 focus-within:ring-offset-2 ${room === 0 ? 'pointer-events-none text-stone-400' : ''}`}
        >
          {t('photosEditor.choose')}
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={limits.accept}
            onChange={onFilesChosen}
            disabled={room === 0}
            aria-describedby={limitsId}
            className="sr-only"
          />
        </label>
      </p>
      <p id={limitsId} className="mt-1 text-xs text-stone-500">
        {t('photosEditor.limits', {
          formats,
          size: size(limits.maxFileBytes),
          minSide: f.number(limits.minShortSide),
          max: f.number(limits.maxImages),
        })}{' '}
        {room === 0 ? t('photosEditor.full') : t('photosEditor.room', { room: f.number(room) })}
      </p>
    </div>
  )
}
