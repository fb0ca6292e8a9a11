export interface GroupCounts {
  name: string;
  graded: number;
  good: number;
  adequate: number;
  inadequate: number;
  invalid: number;
}
export function groupCounts(groups: readonly Record<string, unknown>[]): GroupCounts[];
export function reportGroups(path: string): GroupCounts[];
export function tablesAgree(a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[]): string;
