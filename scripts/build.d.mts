/** Whether the project at `root` (this one by default) needs building. */
export function isStale(root?: string): boolean;
export function build(options?: { ifStale?: boolean; root?: string }): string;
