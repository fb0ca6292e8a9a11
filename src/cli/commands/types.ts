import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface CommandEnv {
  ctx: CliContext;
  /** Sets the process exit code for this run. */
  setExit(code: number): void;
  version: string;
}

/** Adds one subcommand to the program. */
export type RegisterCommand = (program: Command, env: CommandEnv) => void;
