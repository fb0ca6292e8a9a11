/**
 * The limits that keep memory bounded whatever the input: each written once here, enforced by the
 * readers and the engine on every path, and stated in docs/limits.md.
 */

/** --max-field-bytes, when not given: 1 MiB. */
export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
/** The most --max-field-bytes may be: a record may be 8 times it (128 MiB), held whole while it is read. */
export const MAX_FIELD_BYTES_CAP = 16 * 1024 * 1024;
/** --max-columns, when not given: the columns of a header, or the distinct keys of a JSON or NDJSON file. */
export const DEFAULT_MAX_COLUMNS = 4096;
/** The most distinct values --group-by may find: each group is a table of its own and a row of every report (100,000 groups took 2.3 GB and over two minutes). */
export const MAX_GROUPS = 10_000;
/** Warnings of one kind said on stderr before the rest are only counted. */
export const WARNINGS_SHOWN = 20;
