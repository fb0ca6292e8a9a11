export function isStale(): boolean;
export function build(options?: { ifStale?: boolean }): string;
