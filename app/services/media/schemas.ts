import { z } from 'zod'
import { message } from '~/i18n/validation.ts'
import { ALT_MAX_LENGTH, MAX_IMAGES_PER_PRODUCT } from './limits.ts'

// Input schemas of the media API, shared by the server (which enforces them) and the editor.

const Id = z.string().trim().min(1).max(64)

export const ImageChangesSchema = z
  .object({
    alt: z
      .string()
      .trim()
      .max(ALT_MAX_LENGTH, message('text.tooLong', { max: ALT_MAX_LENGTH }))
      .refine((value) => !/\p{Cc}/u.test(value.replace(/[\t\n]/g, ' ')), message('text.plain'))
      .optional(),
    colorId: Id.nullable().optional(),
  })
  .refine((changes) => changes.alt !== undefined || changes.colorId !== undefined, {
    error: 'Send alt and/or colorId',
  })

export const ReorderSchema = z.object({
  imageIds: z.array(Id).max(MAX_IMAGES_PER_PRODUCT),
})
