/** A problem with a whole input file: the run cannot go on. Its message is one line, safe to print. */
export class InputError extends Error {
  override name = "InputError";
}
