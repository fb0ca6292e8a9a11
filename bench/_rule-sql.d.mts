export function ruleSqlPath(id: string): string;
export function ruleCall(id: string): string;
export function worstOf(ids: readonly string[]): string;
