/**
 * A write was refused because the item changed since it was read (its eTag no longer matches),
 * or because it was deleted meanwhile. The caller reloads and decides again.
 */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
  readonly code = 'storage-conflict';
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`The stored item "${key}" changed since it was read (eTag conflict).`, options);
  }
}

export function isStorageConflict(error: unknown): error is StorageConflictError {
  return error instanceof StorageConflictError;
}
