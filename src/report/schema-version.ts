// Apart from the report's schema (src/report/schema.ts), so that writing a report does not load zod.

/** Raised on any breaking change to the JSON report: 2 added intervals, flags, breakdown and agreement. */
export const SCHEMA_VERSION = 2;
