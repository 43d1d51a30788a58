import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import type { UploadLimits } from '~/services/media/limits.ts'
import type { ImageColor, ProductImageView } from '~/services/media/views.ts'
import { PhotoCard } from './photo-card.tsx'
import { PhotoDropzone } from './photo-dropzone.tsx'
import { UploadList } from './upload-list.tsx'
import { usePhotoText } from './use-photo-text.ts'
import { usePhotoUploads, type ApiError } from './use-photo-uploads.ts'

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

const DRAG_TYPE = 'application/x-shikposh-photo'

export function ProductImagesEditor({
  productId,
  productTitle,
  colors,
  images: initialImages,
  limits,
  onChange,
}: ProductImagesEditorProps) {
  const { t, f, refusal } = usePhotoText(limits)
  const api = `/api/products/${encodeURIComponent(productId)}/images`
  const [images, setImages] = useState(initialImages)
  const [altDrafts, setAltDrafts] = useState<Record<string, string>>({})
  const [imageErrors, setImageErrors] = useState<Record<string, string | undefined>>({})
  const [saving, setSaving] = useState<Record<string, boolean>>({})
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [dragging, setDragging] = useState<string | null>(null)
  const [dropTarget, setDropTarget] = useState<number | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const focusAfter = useRef<string | null>(null)
  const ids = useId()
  const { uploads, room, formats, addFiles, retry, removeUpload } = usePhotoUploads({
    api,
    limits,
    imageCount: images.length,
    setImages,
    setAnnouncement,
  })

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

  /** The API's refusal in the page's language, or the fallback when it gave none. */
  const errorOf = (data: unknown, fallback: string) => {
    const error = (data as ApiError | null)?.error
    return refusal(error?.code, '', error?.message) ?? fallback
  }

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
        [image.id]: errorOf(data, t('photosEditor.saveFailed')),
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
      setAnnouncement(t('photosEditor.altSaved', { n: f.number(image.position + 1) }))
    }
  }

  async function saveColor(image: ProductImageView, colorId: string) {
    const color = colors.find((candidate) => candidate.id === colorId)
    if (await saveImage(image, { colorId: colorId || null })) {
      setAnnouncement(
        t('photosEditor.colourSaved', {
          n: f.number(image.position + 1),
          colour: color ? color.name : t('photosEditor.allColours'),
        }),
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
      setAnnouncement(
        t('photosEditor.moved', {
          position: f.number(position + 1),
          count: f.number(saved.length),
        }),
      )
      return
    }
    setImages(previous)
    setNotice(errorOf(data, t('photosEditor.orderFailed')))
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
        [image.id]: errorOf(data, t('photosEditor.deleteFailed')),
      }))
      return
    }
    const remaining = (data as { images: ProductImageView[] }).images
    setImages(remaining)
    setAnnouncement(t('photosEditor.deleted', { n: f.number(image.position + 1) }))
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

      <PhotoDropzone
        limits={limits}
        room={room}
        formats={formats}
        limitsId={limitsId}
        fileInput={fileInput}
        onFiles={addFiles}
      />

      {notice ? (
        <div
          role="alert"
          className="flex items-start justify-between gap-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            {t('photosEditor.dismiss')}
          </button>
        </div>
      ) : null}

      {uploads.length ? (
        <UploadList uploads={uploads} onRetry={retry} onDismiss={removeUpload} />
      ) : null}

      {images.length ? (
        <ol
          ref={list}
          aria-label={t('photosEditor.listLabel', { title: productTitle })}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
        >
          {images.map((image, position) => (
            <PhotoCard
              key={image.id}
              image={image}
              position={position}
              count={images.length}
              colors={colors}
              idPrefix={ids}
              altDraft={altDrafts[image.id]}
              error={imageErrors[image.id]}
              saving={Boolean(saving[image.id])}
              confirmingDelete={confirmingDelete === image.id}
              dragging={dragging === image.id}
              dropTarget={dropTarget === position && dragging !== image.id}
              onAltChange={(value) =>
                setAltDrafts((current) => ({ ...current, [image.id]: value }))
              }
              onAltSave={() => void saveAlt(image)}
              onColorChange={(colorId) => void saveColor(image, colorId)}
              onMove={(by) => move(image, by)}
              onAskDelete={() => {
                focusAfter.current = `${image.id}:confirm`
                setConfirmingDelete(image.id)
              }}
              onCancelDelete={() => {
                focusAfter.current = `${image.id}:delete`
                setConfirmingDelete(null)
              }}
              onDelete={() => void remove(image)}
              onDragStart={(event) => onDragStart(event, image)}
              onDragEnd={() => {
                setDragging(null)
                setDropTarget(null)
              }}
              onDragOver={(event) => onDragOverPhoto(event, position)}
              onDrop={(event) => onDropPhoto(event, position)}
            />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-stone-600">{t('photosEditor.empty')}</p>
      )}
    </div>
  )
}
