import { getEnv, type StorageConfig } from '../env.server.ts'
import { singleton } from '../singleton.server.ts'
import { LocalStorage } from './local.server.ts'
import type { ObjectStorage } from './object-storage.server.ts'
import { S3Storage } from './s3.server.ts'

export * from './object-storage.server.ts'

export function createStorage(config: StorageConfig): ObjectStorage {
  return config.kind === 'local' ? new LocalStorage(config.dir) : new S3Storage(config)
}

/** The process's storage, as configured (S3 when S3_BUCKET is set, else DATA_DIR/media). */
export function getStorage(): ObjectStorage {
  return singleton('object-storage', () => createStorage(getEnv().storage))
}
