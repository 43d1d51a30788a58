import type { DragEvent, KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { ImageColor, ProductImageView } from '~/services/media/views.ts'
import { ResponsiveImage } from '~/components/media/responsive-image.tsx'

const ARROW_EARLIER = '\u2190'
const ARROW_LATER = '\u2192'

/** One photo in the editor: its description, its colour, moving it and deleting it. */
export function PhotoCard({
  image,
  position,
  count,
  colors,
  idPrefix,
  altDraft,
  error,
  saving,
  confirmingDelete,
  dragging,
  dropTarget,
  onAltChange,
  onAltSave,
  onColorChange,
  onMove,
  onAskDelete,
  onCancelDelete,
  onDelete,
  onDragStart,
  onDragEnd,
  onDragOver,
  onDrop,
}: {
  image: ProductImageView
  position: number
  /** How many photos the product has. */
  count: number
  colors: ImageColor[]
  idPrefix: string
  /** The description being typed, not saved yet. */
  altDraft: string | undefined
  error: string | undefined
  saving: boolean
  confirmingDelete: boolean
  /** This photo is being dragged. */
  dragging: boolean
  /** Another photo is dragged over this one. */
  dropTarget: boolean
  onAltChange: (value: string) => void
  onAltSave: () => void
  onColorChange: (colorId: string) => void
  onMove: (by: -1 | 1) => void
  onAskDelete: () => void
  onCancelDelete: () => void
  onDelete: () => void
  onDragStart: (event: DragEvent) => void
  onDragEnd: () => void
  onDragOver: (event: DragEvent) => void
  onDrop: (event: DragEvent) => void
}) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const n = f.number(position + 1)
  const altId = `${idPrefix}-alt-${image.id}`
  const colorId = `${idPrefix}-color-${image.id}`
  const errorId = `${idPrefix}-error-${image.id}`
  return (
    <li
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="photo-card"
      aria-busy={saving ? true : undefined}
      className={`flex flex-col overflow-hidden rounded-lg border bg-white shadow-xs transition ${dragging ? 'opacity-50' : ''} ${dropTarget ? 'border-brand-500 ring-2 ring-brand-200' : 'border-stone-200'}`}
    >
      {/* The photo is the drag handle, so selecting text in the fields below never drags the card. */}
      <div
        draggable
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        className="relative cursor-grab bg-stone-100 active:cursor-grabbing"
      >
        <ResponsiveImage
          image={image.image}
          alt={image.alt || t('photosEditor.photo', { n })}
          sizes="(min-width: 1024px) 20vw, (min-width: 640px) 40vw, 90vw"
          fit="contain"
          className="aspect-[4/5] w-full bg-stone-100"
        />
        <span className="absolute start-2 top-2 rounded bg-white/90 px-2 py-0.5 text-xs font-semibold text-stone-800 shadow-xs">
          {position === 0 ? t('photosEditor.mainPhoto') : t('photosEditor.photo', { n })}
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-3 p-3">
        <div>
          <label htmlFor={altId} className="block text-sm font-medium text-stone-800">
            {t('photosEditor.alt')}
          </label>
          <input
            id={altId}
            type="text"
            maxLength={300}
            value={altDraft ?? image.alt}
            placeholder={t('photosEditor.altPlaceholder')}
            dir="auto"
            onChange={(event) => onAltChange(event.target.value)}
            onBlur={onAltSave}
            onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
              // Enter saves the description; it must not submit a surrounding product form.
              if (event.key === 'Enter') {
                event.preventDefault()
                onAltSave()
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="mt-1 input"
          />
        </div>
        <div>
          <label htmlFor={colorId} className="block text-sm font-medium text-stone-800">
            {t('photosEditor.colour')}
          </label>
          <select
            id={colorId}
            value={image.colorId ?? ''}
            onChange={(event) => onColorChange(event.target.value)}
            className="mt-1 input"
          >
            <option value="">{t('photosEditor.allColours')}</option>
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
                  backgroundColor: colors.find((color) => color.id === image.colorId)?.hex,
                }}
              />
              {t('photosEditor.colourFirst')}
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
            onClick={() => onMove(-1)}
            disabled={position === 0}
            aria-label={t('photosEditor.moveEarlier', { n })}
            title={t('photosEditor.moveEarlierShort')}
          >
            {/* Earlier is to the start: the arrows turn round on right-to-left pages. */}
            <span aria-hidden className="inline-block rtl:-scale-x-100">
              {ARROW_EARLIER}
            </span>
          </button>
          <button
            data-control={`${image.id}:later`}
            type="button"
            className="btn-secondary px-2"
            onClick={() => onMove(1)}
            disabled={position === count - 1}
            aria-label={t('photosEditor.moveLater', { n })}
            title={t('photosEditor.moveLaterShort')}
          >
            <span aria-hidden className="inline-block rtl:-scale-x-100">
              {ARROW_LATER}
            </span>
          </button>
          <span className="flex-1" />
          {confirmingDelete ? (
            <>
              <button
                type="button"
                className="btn-danger"
                onClick={onDelete}
                data-control={`${image.id}:confirm`}
              >
                {t('photosEditor.deletePhoto', { n })}
              </button>
              <button type="button" className="btn-secondary" onClick={onCancelDelete}>
                {t('photosEditor.keep')}
              </button>
            </>
          ) : (
            <button
              data-control={`${image.id}:delete`}
              type="button"
              className="btn-danger"
              onClick={onAskDelete}
              aria-label={t('photosEditor.deletePhoto', { n })}
            >
              {t('photosEditor.delete')}
            </button>
          )}
        </div>
      </div>
    </li>
  )
}
