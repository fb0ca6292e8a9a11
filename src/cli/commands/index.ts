import { registerAgree } from "./agree.js";
import { registerConfig } from "./config.js";
import { registerDiff } from "./diff.js";
import { registerInit } from "./init.js";
import { registerMerge } from "./merge.js";
import { registerRules } from "./rules.js";
import { registerSample } from "./sample.js";
import { registerSchema } from "./schema.js";
import { registerScore } from "./score.js";
import { registerValidate } from "./validate.js";
import type { RegisterCommand } from "./types.js";

export const COMMANDS: readonly RegisterCommand[] = [
  registerScore,
  registerAgree,
  registerSample,
  registerMerge,
  registerDiff,
  registerRules,
  registerConfig,
  registerInit,
  registerSchema,
  registerValidate,
];
