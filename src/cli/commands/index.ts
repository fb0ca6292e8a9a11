import { registerSchema } from "./schema.js";
import { registerScore } from "./score.js";
import type { RegisterCommand } from "./types.js";

export const COMMANDS: readonly RegisterCommand[] = [registerScore, registerSchema];
