import { prisma, type Tx } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { MAX_ADDRESSES, type AddressInput } from './schemas.ts'

// A user's saved shipping addresses. Exactly one is the default while any exist: the default
// row carries the user's id in `defaultOf`, which is unique, so the database itself refuses a
// second default. Every change locks the user's address rows first, so concurrent changes
// apply one after the other.

export class AddressNotFoundError extends DomainError {
  override name = 'AddressNotFoundError'
  constructor() {
    super('not-found', 'not-found', 'That address does not exist any more.')
  }
}

export class AddressLimitError extends DomainError {
  override name = 'AddressLimitError'
  constructor() {
    super(
      'conflict',
      'address-limit',
      `You can keep at most ${MAX_ADDRESSES} addresses. Delete one you no longer use first.`,
    )
  }
}

const addressSelect = {
  id: true,
  fullName: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
  defaultOf: true,
} as const

export type SavedAddress = AddressInput & { id: string; isDefault: boolean }

function toSaved({
  defaultOf,
  ...address
}: AddressInput & { id: string; defaultOf: string | null }): SavedAddress {
  return { ...address, isDefault: defaultOf !== null }
}

/** The user's addresses, the default first, then the newest. */
export async function listAddresses(userId: string): Promise<SavedAddress[]> {
  const rows = await prisma.address.findMany({
    where: { userId },
    select: addressSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  return rows.map(toSaved).sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
}

export async function getAddress(userId: string, addressId: string): Promise<SavedAddress | null> {
  const row = await prisma.address.findFirst({
    where: { id: addressId, userId },
    select: addressSelect,
  })
  return row ? toSaved(row) : null
}

async function lockAddresses(tx: Tx, userId: string) {
  return tx.$queryRaw<Array<{ id: string; defaultOf: string | null }>>`
    SELECT "id", "defaultOf" FROM "Address" WHERE "userId" = ${userId} ORDER BY "id" FOR UPDATE`
}

async function clearDefault(tx: Tx, userId: string) {
  await tx.address.updateMany({ where: { defaultOf: userId }, data: { defaultOf: null } })
}

/**
 * Saves a new address inside the caller's transaction (checkout saves one with the order). The
 * first address becomes the default, as does one saved with `makeDefault`.
 */
export async function createAddressInTx(
  tx: Tx,
  userId: string,
  input: AddressInput,
  options: { makeDefault?: boolean } = {},
) {
  const existing = await lockAddresses(tx, userId)
  if (existing.length >= MAX_ADDRESSES) throw new AddressLimitError()
  const makeDefault = options.makeDefault || existing.length === 0
  if (makeDefault) await clearDefault(tx, userId)
  return tx.address.create({
    data: { ...input, userId, defaultOf: makeDefault ? userId : null },
    select: { id: true },
  })
}

export async function createAddress(
  userId: string,
  input: AddressInput,
  options: { makeDefault?: boolean } = {},
) {
  return prisma.$transaction((tx) => createAddressInTx(tx, userId, input, options))
}

/** Changes one of the user's own addresses; another user's id changes nothing and throws AddressNotFoundError. */
export async function updateAddress(
  userId: string,
  addressId: string,
  input: AddressInput,
  options: { makeDefault?: boolean } = {},
) {
  await prisma.$transaction(async (tx) => {
    const rows = await lockAddresses(tx, userId)
    if (!rows.some((row) => row.id === addressId)) throw new AddressNotFoundError()
    if (options.makeDefault) await clearDefault(tx, userId)
    await tx.address.update({
      where: { id: addressId },
      data: { ...input, ...(options.makeDefault ? { defaultOf: userId } : {}) },
    })
  })
}

export async function setDefaultAddress(userId: string, addressId: string) {
  await prisma.$transaction(async (tx) => {
    const rows = await lockAddresses(tx, userId)
    if (!rows.some((row) => row.id === addressId)) throw new AddressNotFoundError()
    await clearDefault(tx, userId)
    await tx.address.update({ where: { id: addressId }, data: { defaultOf: userId } })
  })
}

/** Deletes one of the user's addresses; when it was the default, the newest remaining one takes over. */
export async function deleteAddress(userId: string, addressId: string) {
  await prisma.$transaction(async (tx) => {
    const rows = await lockAddresses(tx, userId)
    const row = rows.find((candidate) => candidate.id === addressId)
    if (!row) throw new AddressNotFoundError()
    await tx.address.delete({ where: { id: addressId } })
    if (row.defaultOf) {
      const next = await tx.address.findFirst({
        where: { userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        select: { id: true },
      })
      if (next) await tx.address.update({ where: { id: next.id }, data: { defaultOf: userId } })
    }
  })
}
