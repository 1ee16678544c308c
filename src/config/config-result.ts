/** A configuration section read from the environment: its typed value, or every problem found, each saying what to set. */
export type ConfigResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };
