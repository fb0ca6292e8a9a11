export interface CaseColumn {
  readonly name: string;
  readonly type: "DATE" | "INTEGER" | "BOOLEAN" | "VARCHAR";
}
export function caseColumns(): CaseColumn[];
export function casesSelect(): string;
export function cellsSelect(): string;
export function invalidCheck(): string;
export function csvTypes(): string;
export function ruleSqlPath(id: string): string;
export function ruleCall(id: string, path?: string): string;
export function worstOf(ids: readonly string[]): string;
