import { prisma, type Tx } from '~/infra/db.server.ts'
import type { MultipartLimits, UploadedFile } from '~/infra/uploads/multipart.server.ts'
import {
  IMAGE_ASSET_SELECT,
  assetCreateData,
  discardPrepared,
  prepareAsset,
  toImageView,
  type ImageRules,
  type PreparedAsset,
} from './assets.server.ts'
import { NoFileError } from './errors.server.ts'
import { MAX_FILE_BYTES, MIN_AVATAR_SHORT_SIDE, avatarUploadLimits } from './limits.ts'
import { AVATAR_RECIPE, HEIC_READABLE } from './pipeline.server.ts'
import type { ImageView } from './views.ts'

// Profile photos: one per user, cropped square around the most interesting part, replacing the
// generated avatar until the user goes back to it. Replacing or removing one deletes the old
// asset, whose stored objects then are deleted by a job.

export const AVATAR_RULES: ImageRules = {
  recipe: AVATAR_RECIPE,
  minShortSide: MIN_AVATAR_SHORT_SIDE,
  noun: 'profile photo',
}

export const AVATAR_UPLOAD_LIMITS: MultipartLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxFiles: 1,
  maxBodyBytes: MAX_FILE_BYTES + 64 * 1024,
  maxFields: 8,
}

/** What the avatar form shows before anything is sent. */
export const avatarLimits = () => avatarUploadLimits({ heic: HEIC_READABLE })

/** The user's uploaded avatar, or null when they use the generated one. */
export async function getAvatar(userId: string): Promise<ImageView | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { avatar: { select: IMAGE_ASSET_SELECT } },
  })
  return user?.avatar ? toImageView(user.avatar) : null
}

/**
 * Makes the uploaded photo the user's avatar. Throws ImageRejection for a file that is not an
 * acceptable photo and NoFileError when none was sent; either way nothing is kept.
 */
export async function setAvatar(
  userId: string,
  files: AsyncIterable<UploadedFile>,
): Promise<ImageView> {
  let prepared: PreparedAsset | undefined
  try {
    for await (const file of files) {
      // The upload carries one file at most (its limits say so); a second never gets here.
      prepared = await prepareAsset({
        filename: file.filename,
        bytes: file.bytes,
        kind: 'AVATAR',
        ownerId: userId,
        rules: AVATAR_RULES,
      })
    }
    if (!prepared) throw new NoFileError()
    const asset = prepared
    return await prisma.$transaction(async (tx) => {
      const previous = await lockAvatar(tx, userId)
      const created = await tx.mediaAsset.create({
        data: assetCreateData(asset),
        select: { id: true, ...IMAGE_ASSET_SELECT },
      })
      await tx.user.update({ where: { id: userId }, data: { avatarId: created.id } })
      if (previous)
        await tx.mediaAsset.deleteMany({ where: { id: previous, ownerId: userId, kind: 'AVATAR' } })
      return toImageView(created)
    })
  } catch (error) {
    if (prepared) await discardPrepared([prepared])
    throw error
  }
}

/** Goes back to the generated avatar; returns whether there was an uploaded one. */
export async function removeAvatar(userId: string) {
  return prisma.$transaction(async (tx) => {
    const previous = await lockAvatar(tx, userId)
    if (!previous) return false
    // The foreign key sets User.avatarId to null; the triggers queue the objects' deletion.
    await tx.mediaAsset.deleteMany({ where: { id: previous, ownerId: userId, kind: 'AVATAR' } })
    return true
  })
}

/** The user's current avatar id, with the user row locked so two changes cannot both replace it. */
async function lockAvatar(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<
    Array<{ avatarId: string | null }>
  >`SELECT "avatarId" FROM "User" WHERE "id" = ${userId} FOR UPDATE`
  if (!rows[0]) throw new Error(`No user ${userId}`)
  return rows[0].avatarId
}
