/**
 * The limits that keep memory bounded whatever the input: each written once here, enforced by the
 * readers and the engine on every path, and stated in docs/limits.md.
 */

/** --max-field-bytes, when not given: 1 MiB. */
export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
