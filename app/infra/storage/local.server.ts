import { randomBytes } from 'node:crypto'
import {
  access,
  constants,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises'
import path from 'node:path'
import {
  MEDIA_ROUTE,
  assertValidKey,
  contentTypeOf,
  type ListedObject,
  type ObjectStorage,
  type PutOptions,
  type StoredObject,
} from './object-storage.server.ts'

// Objects as files under one directory (DATA_DIR/media in the embedded default). Writes go to
// a temporary file beside the target and are renamed into place, so a reader never sees half
// an image. Temporary names start with a dot, which no key can.

export class LocalStorage implements ObjectStorage {
  readonly kind = 'local' as const
  readonly root: string

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  private pathOf(key: string) {
    assertValidKey(key)
    const full = path.join(this.root, ...key.split('/'))
    // KEY_PATTERN already rules out traversal; this makes it impossible whatever the pattern says.
    if (!full.startsWith(this.root + path.sep))
      throw new Error(`Key escapes the storage directory: ${key}`)
    return full
  }

  async put(key: string, body: Uint8Array, _options: PutOptions) {
    const target = this.pathOf(key)
    await mkdir(path.dirname(target), { recursive: true })
    const temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    )
    try {
      await writeFile(temporary, body, { flag: 'wx' })
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key)
    let handle
    try {
      handle = await open(file, 'r')
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
    try {
      const { size } = await handle.stat()
      // The stream takes over the handle and closes it when it ends or is destroyed.
      return {
        body: handle.createReadStream(),
        contentType: contentTypeOf(key),
        contentLength: size,
      }
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  async exists(key: string) {
    try {
      return (await stat(this.pathOf(key))).isFile()
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }

  async delete(keys: string[]) {
    const failed = new Map<string, Error>()
    for (const key of keys) {
      try {
        const file = this.pathOf(key)
        await rm(file, { force: true })
        await this.removeEmptyParents(path.dirname(file))
      } catch (error) {
        failed.set(key, error instanceof Error ? error : new Error(String(error)))
      }
    }
    return failed
  }

  /** Keeps the tree tidy: folders of deleted assets go with their last file. */
  private async removeEmptyParents(dir: string) {
    while (dir.startsWith(this.root + path.sep)) {
      try {
        await rmdir(dir)
      } catch {
        return // not empty (or already gone): stop here
      }
      dir = path.dirname(dir)
    }
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    // Start from the deepest folder the prefix names completely, then filter by the full prefix.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : ''
    if (folder) assertValidKey(folder)
    const start = folder ? path.join(this.root, ...folder.split('/')) : this.root
    for await (const object of this.walk(start)) {
      if (object.key.startsWith(prefix)) yield object
    }
  }

  private async *walk(dir: string): AsyncIterable<ListedObject> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue // writes in progress
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) yield* this.walk(full)
      else if (entry.isFile()) {
        const info = await stat(full).catch(() => null)
        if (info)
          yield {
            key: path.relative(this.root, full).split(path.sep).join('/'),
            size: info.size,
            lastModified: info.mtime,
          }
      }
    }
  }

  publicUrl(key: string) {
    return `${MEDIA_ROUTE}/${key}`
  }

  async check() {
    await mkdir(this.root, { recursive: true })
    await access(this.root, constants.W_OK)
  }
}

function isMissing(error: unknown) {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'ENOENT' || error.code === 'ENOTDIR')
  )
}
