export function rulePage(id: string): string;
export function documentedCodes(id: string): { code: string; level: "adequate" | "inadequate" }[];
