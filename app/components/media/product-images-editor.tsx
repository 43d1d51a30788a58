/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react'
import { formatBytes, listFormats, type UploadLimits } from '~/services/media/limits.ts'
import type { ImageColor, ProductImageView } from '~/services/media/views.ts'
import { ResponsiveImage } from './responsive-image.tsx'

// The seller's editor for a product's photos: add several at once (file picker or drag and
// drop) with per-file progress, reorder (drag, or the keyboard buttons), describe (alt text),
// tie each to a colour or to all, delete. Every change is saved at once through the product
// photos API. It renders no <form> and no named inputs, so it can sit inside the product form.

export type ProductImagesEditorProps = {
  productId: string
  productTitle: string
  /** The colours the product comes in (its variants' colours). */
  colors: ImageColor[]
  /** The product's photos, in order (from getProductImageEditor or listProductImages). */
  images: ProductImageView[]
  limits: UploadLimits
  /** Called with the product's photos after every saved change. */
  onChange?: (images: ProductImageView[]) => void
}

type Upload = {
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

type ApiError = { error?: { message?: string }; results?: Array<{ ok: boolean; message?: string }> }

const DRAG_TYPE = 'application/x-shikposh-photo'

export function ProductImagesEditor({
  productId,
  productTitle,
  colors,
  images: initialImages,
  limits,
  onChange,
}: ProductImagesEditorProps) {
  const api = `/api/products/${encodeURIComponent(productId)}/images`
  const [images, setImages] = useState(initialImages)
  const [uploads, setUploads] = useState<Upload[]>([])
  const [altDrafts, setAltDrafts] = useState<Record<string, string>>({})
  const [imageErrors, setImageErrors] = useState<Record<string, string | undefined>>({})
  const [saving, setSaving] = useState<Record<string, boolean>>({})
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [dropActive, setDropActive] = useState(false)
  const [dragging, setDragging] = useState<string | null>(null)
  const [dropTarget, setDropTarget] = useState<number | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const focusAfter = useRef<string | null>(null)
  const queue = useRef<Upload[]>([])
  const active = useRef<string | null>(null)
  const ids = useId()

  // Newer photos from the page (it revalidated) replace ours, unless uploads are under way.
  const [pageImages, setPageImages] = useState(initialImages)
  if (pageImages !== initialImages) {
    setPageImages(initialImages)
    if (!uploads.some((upload) => upload.state !== 'failed')) setImages(initialImages)
  }

  // Tell the page about every saved change (not about the first render).
  const reported = useRef(initialImages)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })
  useEffect(() => {
    if (reported.current === images) return
    reported.current = images
    onChangeRef.current?.(images)
  }, [images])

  const pending = uploads.filter((upload) => upload.state !== 'failed').length
  const room = Math.max(0, limits.maxImages - images.length - pending)
  const formats = listFormats(limits.formats)
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

  // ------------------------------------------------------------ adding photos

  function addFiles(files: File[]) {
    if (!files.length) return
    let free = room
    const added: Upload[] = files.map((file, index) => {
      const base = {
        key: `${Date.now()}-${index}-${file.name}`,
        file,
        name: file.name || 'unnamed file',
        progress: 0,
      }
      const refuse = (error: string): Upload => ({ ...base, preview: null, state: 'failed', error })
      if (free <= 0)
        return refuse(
          `“${base.name}” was not added: a product can have at most ${limits.maxImages} photos.`,
        )
      if (file.size > limits.maxFileBytes)
        return refuse(
          `“${base.name}” is ${formatBytes(file.size)}; photos can be at most ${formatBytes(limits.maxFileBytes)}.`,
        )
      const extension = `.${file.name.split('.').pop()?.toLowerCase() ?? ''}`
      if (!acceptedTypes.includes(file.type.toLowerCase()) && !acceptedTypes.includes(extension)) {
        return refuse(`“${base.name}” is not a ${formats} photo.`)
      }
      free--
      return { ...base, preview: URL.createObjectURL(file), state: 'queued' }
    })
    setUploads((current) => [...current, ...added])
    const queued = added.filter((upload) => upload.state === 'queued')
    setAnnouncement(
      `${queued.length} photo${queued.length === 1 ? '' : 's'} queued for upload${queued.length < added.length ? `, ${added.length - queued.length} refused` : ''}.`,
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
        setAnnouncement(`“${next.name}” added.`)
      } else {
        const message =
          body?.results?.find((result) => !result.ok)?.message ??
          body?.error?.message ??
          (xhr.status === 401
            ? 'Your session has ended. Sign in again, then retry.'
            : `“${next.name}” could not be uploaded (error ${xhr.status}).`)
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
      const message = `“${next.name}” could not be uploaded: the connection was interrupted.`
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

  function onFilesChosen(event: ChangeEvent<HTMLInputElement>) {
    addFiles(Array.from(event.target.files ?? []))
    event.target.value = ''
  }

  function onDropFiles(event: DragEvent) {
    if (!event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    setDropActive(false)
    addFiles(Array.from(event.dataTransfer.files))
  }

  // ------------------------------------------------------------ editing photos

  async function send(url: string, method: string, body?: unknown) {
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => null)
    const data: unknown = response ? await response.json().catch(() => null) : null
    return { ok: Boolean(response?.ok), status: response?.status ?? 0, data }
  }

  const errorOf = (data: unknown, fallback: string) =>
    (data as ApiError | null)?.error?.message ?? fallback

  async function refresh() {
    const { ok, data } = await send(api, 'GET')
    if (ok) setImages((data as { images: ProductImageView[] }).images)
  }

  async function saveImage(
    image: ProductImageView,
    changes: { alt?: string; colorId?: string | null },
  ) {
    setSaving((current) => ({ ...current, [image.id]: true }))
    const { ok, data } = await send(`${api}/${encodeURIComponent(image.id)}`, 'PATCH', changes)
    setSaving((current) => ({ ...current, [image.id]: false }))
    if (!ok) {
      setImageErrors((current) => ({
        ...current,
        [image.id]: errorOf(data, 'This change could not be saved. Try again.'),
      }))
      return false
    }
    const saved = (data as { image: ProductImageView }).image
    setImageErrors((current) => ({ ...current, [image.id]: undefined }))
    setImages((current) =>
      current.map((candidate) => (candidate.id === saved.id ? saved : candidate)),
    )
    return true
  }

  async function saveAlt(image: ProductImageView) {
    const draft = altDrafts[image.id]
    if (draft === undefined || draft.trim() === image.alt) return
    if (await saveImage(image, { alt: draft })) {
      setAltDrafts(({ [image.id]: _saved, ...rest }) => rest)
      setAnnouncement(`Description of photo ${image.position + 1} saved.`)
    }
  }

  async function saveColor(image: ProductImageView, colorId: string) {
    const color = colors.find((candidate) => candidate.id === colorId)
    if (await saveImage(image, { colorId: colorId || null })) {
      setAnnouncement(
        `Photo ${image.position + 1} now shows ${color ? color.name : 'all colours'}.`,
      )
    }
  }

  async function reorder(next: ProductImageView[], movedId: string) {
    const previous = images
    setImages(next.map((image, position) => ({ ...image, position })))
    const { ok, status, data } = await send(`${api}/order`, 'PUT', {
      imageIds: next.map((image) => image.id),
    })
    if (ok) {
      const saved = (data as { images: ProductImageView[] }).images
      setImages(saved)
      const position = saved.findIndex((image) => image.id === movedId)
      setAnnouncement(`Photo moved to position ${position + 1} of ${saved.length}.`)
      return
    }
    setImages(previous)
    setNotice(errorOf(data, 'The new order could not be saved. Try again.'))
    if (status === 409) await refresh()
  }

  function move(image: ProductImageView, by: -1 | 1) {
    const from = images.findIndex((candidate) => candidate.id === image.id)
    const to = from + by
    if (to < 0 || to >= images.length) return
    const next = [...images]
    next.splice(from, 1)
    next.splice(to, 0, image)
    // Keep the focus on the same button of the moved photo, or its twin when it reached an end.
    const atEnd = to === 0 || to === images.length - 1
    focusAfter.current = `${image.id}:${atEnd ? (by === -1 ? 'later' : 'earlier') : by === -1 ? 'earlier' : 'later'}`
    void reorder(next, image.id)
  }

  // Moving and deleting re-render the list; the focus goes where the person expects it.
  useEffect(() => {
    const target = focusAfter.current
    if (!target) return
    const element = list.current?.querySelector<HTMLElement>(
      `[data-control="${CSS.escape(target)}"]`,
    )
    if (element) {
      focusAfter.current = null
      element.focus()
    }
  }, [images, confirmingDelete])

  async function remove(image: ProductImageView) {
    setConfirmingDelete(null)
    setSaving((current) => ({ ...current, [image.id]: true }))
    const { ok, data } = await send(`${api}/${encodeURIComponent(image.id)}`, 'DELETE')
    setSaving((current) => ({ ...current, [image.id]: false }))
    if (!ok) {
      setImageErrors((current) => ({
        ...current,
        [image.id]: errorOf(data, 'The photo could not be deleted. Try again.'),
      }))
      return
    }
    const remaining = (data as { images: ProductImageView[] }).images
    setImages(remaining)
    setAnnouncement(`Photo ${image.position + 1} deleted.`)
    const neighbour = remaining[Math.min(image.position, remaining.length - 1)]
    if (neighbour) focusAfter.current = `${neighbour.id}:delete`
    else fileInput.current?.focus()
  }

  // ------------------------------------------------------------ dragging photos into order

  function onDragStart(event: DragEvent, image: ProductImageView) {
    event.dataTransfer.setData(DRAG_TYPE, image.id)
    event.dataTransfer.effectAllowed = 'move'
    setDragging(image.id)
  }

  function onDragOverPhoto(event: DragEvent, position: number) {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    setDropTarget(position)
  }

  function onDropPhoto(event: DragEvent, position: number) {
    const id = event.dataTransfer.getData(DRAG_TYPE)
    setDragging(null)
    setDropTarget(null)
    if (!id) return
    event.preventDefault()
    const from = images.findIndex((image) => image.id === id)
    if (from === -1 || from === position) return
    const next = [...images]
    const [moved] = next.splice(from, 1)
    next.splice(position, 0, moved!)
    void reorder(next, id)
  }

  // ------------------------------------------------------------ rendering

  const limitsId = `${ids}-limits`
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div
        onDragEnter={(event) => event.dataTransfer.types.includes('Files') && setDropActive(true)}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) event.preventDefault()
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null))
            setDropActive(false)
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
          Drag photos here, or{' '}
          <label
            className={`cursor-pointer rounded link focus-within:ring-2 focus-within:ring-brand-500 focus-within:ring-offset-2 ${room === 0 ? 'pointer-events-none text-stone-400' : ''}`}
          >
            choose photos
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
          {formats} · up to {formatBytes(limits.maxFileBytes)} each · at least {limits.minShortSide}{' '}
          px on the shorter side · {limits.maxImages} photos per product
          {room === 0
            ? ' (this product has them all; delete one to add another)'
            : ` (${room} more)`}
        </p>
      </div>

      {notice ? (
        <div
          role="alert"
          className="flex items-start justify-between gap-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}

      {uploads.length ? (
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
                    <button type="button" className="btn-secondary" onClick={() => retry(upload)}>
                      Try again
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() => removeUpload(upload.key)}
                    aria-label={`Dismiss ${upload.name}`}
                  >
                    Dismiss
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {images.length ? (
        <ol
          ref={list}
          aria-label={`Photos of ${productTitle}, in the order shoppers see them`}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
        >
          {images.map((image, position) => {
            const altId = `${ids}-alt-${image.id}`
            const colorId = `${ids}-color-${image.id}`
            const errorId = `${ids}-error-${image.id}`
            const error = imageErrors[image.id]
            return (
              <li
                key={image.id}
                onDragOver={(event) => onDragOverPhoto(event, position)}
                onDrop={(event) => onDropPhoto(event, position)}
                data-testid="photo-card"
                aria-busy={saving[image.id] ? true : undefined}
                className={`flex flex-col overflow-hidden rounded-lg border bg-white shadow-xs transition ${dragging === image.id ? 'opacity-50' : ''} ${dropTarget === position && dragging !== image.id ? 'border-brand-500 ring-2 ring-brand-200' : 'border-stone-200'}`}
              >
                {/* The photo is the drag handle, so selecting text in the fields below never drags the card. */}
                <div
                  draggable
                  onDragStart={(event) => onDragStart(event, image)}
                  onDragEnd={() => {
                    setDragging(null)
                    setDropTarget(null)
                  }}
                  className="relative cursor-grab bg-stone-100 active:cursor-grabbing"
                >
                  <ResponsiveImage
                    image={image.image}
                    alt={image.alt || `Photo ${position + 1}`}
                    sizes="(min-width: 1024px) 20vw, (min-width: 640px) 40vw, 90vw"
                    fit="contain"
                    className="aspect-[4/5] w-full bg-stone-100"
                  />
                  <span className="absolute start-2 top-2 rounded bg-white/90 px-2 py-0.5 text-xs font-semibold text-stone-800 shadow-xs">
                    {position === 0 ? 'Main photo' : `Photo ${position + 1}`}
                  </span>
                </div>
                <div className="flex flex-1 flex-col gap-3 p-3">
                  <div>
                    <label htmlFor={altId} className="block text-sm font-medium text-stone-800">
                      Description (alt text)
                    </label>
                    <input
                      id={altId}
                      type="text"
                      maxLength={300}
                      value={altDrafts[image.id] ?? image.alt}
                      placeholder="e.g. Front view, belted at the waist"
                      onChange={(event) =>
                        setAltDrafts((current) => ({ ...current, [image.id]: event.target.value }))
                      }
                      onBlur={() => void saveAlt(image)}
                      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
                        // Enter saves the description; it must not submit a surrounding product form.
                        if (event.key === 'Enter') {
                          event.preventDefault()
                          void saveAlt(image)
                        }
                      }}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      className="mt-1 input"
                    />
                  </div>
                  <div>
                    <label htmlFor={colorId} className="block text-sm font-medium text-stone-800">
                      Colour
                    </label>
                    <select
                      id={colorId}
                      value={image.colorId ?? ''}
                      onChange={(event) => void saveColor(image, event.target.value)}
                      className="mt-1 input"
                    >
                      <option value="">All colours</option>
                      {colors.map((color) => (
                        <option key={color.id} value={color.id}>
                          {color.name}
                        </option>
                      ))}
                    </select>
                    {image.colorId ? (
                      <span className="mt-1 inline-flex items-center gap-1 text-xs text-stone-500">
                        <span
                          aria-hidden
                          className="h-3 w-3 rounded-full border border-stone-300"
                          style={{
                            backgroundColor: colors.find((color) => color.id === image.colorId)
                              ?.hex,
                          }}
                        />
                        Shown first when a shopper picks this colour
                      </span>
                    ) : null}
                  </div>
                  {error ? (
                    <p id={errorId} role="alert" className="text-sm text-red-700">
                      {error}
                    </p>
                  ) : null}
                  <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-stone-100 pt-3">
                    <button
                      data-control={`${image.id}:earlier`}
                      type="button"
                      className="btn-secondary px-2"
                      onClick={() => move(image, -1)}
                      disabled={position === 0}
                      aria-label={`Move photo ${position + 1} earlier`}
                      title="Move earlier"
                    >
                      <span aria-hidden>←</span>
                    </button>
                    <button
                      data-control={`${image.id}:later`}
                      type="button"
                      className="btn-secondary px-2"
                      onClick={() => move(image, 1)}
                      disabled={position === images.length - 1}
                      aria-label={`Move photo ${position + 1} later`}
                      title="Move later"
                    >
                      <span aria-hidden>→</span>
                    </button>
                    <span className="flex-1" />
                    {confirmingDelete === image.id ? (
                      <>
                        <button
                          type="button"
                          className="btn-danger"
                          onClick={() => void remove(image)}
                          data-control={`${image.id}:confirm`}
                        >
                          Delete photo {position + 1}
                        </button>
                        <button
                          type="button"
                          className="btn-secondary"
                          onClick={() => {
                            focusAfter.current = `${image.id}:delete`
                            setConfirmingDelete(null)
                          }}
                        >
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        data-control={`${image.id}:delete`}
                        type="button"
                        className="btn-danger"
                        onClick={() => {
                          focusAfter.current = `${image.id}:confirm`
                          setConfirmingDelete(image.id)
                        }}
                        aria-label={`Delete photo ${position + 1}`}
                      >
                        Delete
                      </button>
                    )}
                  </div>
                </div>
              </li>
            )
          })}
        </ol>
      ) : (
        <p className="text-sm text-stone-600">
          No photos yet. The first photo is the one shoppers see on product cards and at the top of
          the product page.
        </p>
      )}
    </div>
  )
}
