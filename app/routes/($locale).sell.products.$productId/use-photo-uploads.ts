import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import type { UploadLimits } from '~/services/media/limits.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { usePhotoText } from './use-photo-text.ts'

// The images editor's upload queue: files checked against the limits before they are sent, then
// sent one at a time with their progress, kept with their error when refused, retried on demand.

export type Upload = {
  key: string
  file: File
  name: string
  preview: string | null
  state: 'queued' | 'uploading' | 'processing' | 'failed'
  progress: number
  error?: string
  /** Worth trying again (network trouble, a busy server), as opposed to a refused file. */
  retryable?: boolean
}

export type ApiError = {
  error?: { code?: string; message?: string }
  results?: Array<{ ok: boolean; code?: string; message?: string }>
}

export function usePhotoUploads({
  api,
  limits,
  imageCount,
  setImages,
  setAnnouncement,
}: {
  api: string
  limits: UploadLimits
  /** How many photos the product has now. */
  imageCount: number
  setImages: Dispatch<SetStateAction<ProductImageView[]>>
  setAnnouncement: (text: string) => void
}) {
  const { t, f, size, formats, refusal } = usePhotoText(limits)
  const [uploads, setUploads] = useState<Upload[]>([])
  const queue = useRef<Upload[]>([])
  const active = useRef<string | null>(null)

  const pending = uploads.filter((upload) => upload.state !== 'failed').length
  const room = Math.max(0, limits.maxImages - imageCount - pending)
  const acceptedTypes = limits.accept.split(',').map((type) => type.trim().toLowerCase())

  const updateUpload = (key: string, changes: Partial<Upload>) =>
    setUploads((current) =>
      current.map((upload) => (upload.key === key ? { ...upload, ...changes } : upload)),
    )

  const removeUpload = (key: string) =>
    setUploads((current) => {
      const upload = current.find((candidate) => candidate.key === key)
      if (upload?.preview) URL.revokeObjectURL(upload.preview)
      return current.filter((candidate) => candidate.key !== key)
    })

  // Revoke the previews' object URLs when the editor goes away.
  const previews = useRef<string[]>([])
  useEffect(() => {
    previews.current = uploads.flatMap((upload) => (upload.preview ? [upload.preview] : []))
  }, [uploads])
  useEffect(() => () => previews.current.forEach((url) => URL.revokeObjectURL(url)), [])

  function addFiles(files: File[]) {
    if (!files.length) return
    let free = room
    const added: Upload[] = files.map((file, index) => {
      const base = {
        key: `${Date.now()}-${index}-${file.name}`,
        file,
        name: file.name || t('photosEditor.unnamed'),
        progress: 0,
      }
      const refuse = (error: string): Upload => ({ ...base, preview: null, state: 'failed', error })
      if (free <= 0)
        return refuse(
          t('photosEditor.refused.full', { name: base.name, max: f.number(limits.maxImages) }),
        )
      if (file.size > limits.maxFileBytes)
        return refuse(
          t('photosEditor.refused.tooLarge', {
            name: base.name,
            size: size(file.size),
            max: size(limits.maxFileBytes),
          }),
        )
      const extension = `.${file.name.split('.').pop()?.toLowerCase() ?? ''}`
      if (!acceptedTypes.includes(file.type.toLowerCase()) && !acceptedTypes.includes(extension)) {
        return refuse(t('photosEditor.refused.format', { name: base.name, formats }))
      }
      free--
      return { ...base, preview: URL.createObjectURL(file), state: 'queued' }
    })
    setUploads((current) => [...current, ...added])
    const queued = added.filter((upload) => upload.state === 'queued')
    const refused = added.length - queued.length
    setAnnouncement(
      refused
        ? t('photosEditor.queuedRefused', {
            count: queued.length,
            n: f.number(queued.length),
            refused: f.number(refused),
          })
        : t('photosEditor.queued', { count: queued.length, n: f.number(queued.length) }),
    )
    enqueue(queued)
  }

  function enqueue(items: Upload[]) {
    queue.current.push(...items)
    if (!active.current) startNext()
  }

  // One upload at a time: the server processes photos one after another anyway, and the
  // photos then arrive in the order they were chosen.
  function startNext() {
    const next = queue.current.shift()
    active.current = next?.key ?? null
    if (!next) return
    updateUpload(next.key, { state: 'uploading', progress: 0, error: undefined })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', api)
    xhr.responseType = 'json'
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) updateUpload(next.key, { progress: event.loaded / event.total })
    }
    xhr.upload.onload = () => updateUpload(next.key, { state: 'processing', progress: 1 })
    xhr.onload = () => {
      const body = xhr.response as (ApiError & { images?: ProductImageView[] }) | null
      if (body?.images) setImages(body.images)
      if (xhr.status === 201) {
        removeUpload(next.key)
        setAnnouncement(t('photosEditor.added', { name: next.name }))
      } else {
        const failed = body?.results?.find((result) => !result.ok) ?? body?.error
        const message =
          refusal(failed?.code, next.name, failed?.message) ??
          (xhr.status === 401
            ? t('photosEditor.sessionEnded')
            : t('photosEditor.uploadFailed', { name: next.name, status: xhr.status }))
        updateUpload(next.key, {
          state: 'failed',
          error: message,
          retryable: xhr.status >= 500 || xhr.status === 401,
        })
        setAnnouncement(message)
      }
      startNext()
    }
    xhr.onerror = () => {
      const message = t('photosEditor.interrupted', { name: next.name })
      updateUpload(next.key, { state: 'failed', error: message, retryable: true })
      setAnnouncement(message)
      startNext()
    }
    const body = new FormData()
    body.append('images', next.file, next.file.name)
    xhr.send(body)
  }

  function retry(upload: Upload) {
    updateUpload(upload.key, { state: 'queued', error: undefined, progress: 0 })
    enqueue([{ ...upload, state: 'queued' }])
  }

  return { uploads, room, formats, addFiles, retry, removeUpload }
}
