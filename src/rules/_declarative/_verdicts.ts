/** What an expression decided for a case: true, false, the field whose absence left it undecided, or a failure. */
export type Verdict = boolean | string | Error;

/** A scope that can give, for each field, a plain value that stands for what an expression reads of it. */
export interface KeyedScope {
  keyOf(field: string): unknown;
}

/** Verdicts remembered per expression; past this, new ones are worked out each time. */
const CAPACITY = 50_000;

/**
 * An expression's verdicts, remembered by the values of the fields it reads. CEL is side-effect
 * free and our functions are pure, so an expression given the same values decides the same: a
 * million cases take a few thousand evaluations (ages, concerns and agencies have few values),
 * and the rest are lookups.
 */
export class Verdicts {
  private readonly root = new Map<unknown, unknown>();
  private size = 0;

  constructor(private readonly fields: readonly string[]) {}

  decide(scope: KeyedScope, judge: () => Verdict): Verdict {
    const { fields } = this;
    let node = this.root;
    for (let i = 0; i < fields.length - 1; i++) {
      const key = scope.keyOf(fields[i]!);
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        if (this.size >= CAPACITY) return judge();
        node.set(key, (next = new Map()));
      }
      node = next;
    }
    const key = fields.length === 0 ? undefined : scope.keyOf(fields[fields.length - 1]!);
    const known = node.get(key) as Verdict | undefined;
    if (known !== undefined) return known;
    const verdict = judge();
    if (this.size < CAPACITY) {
      node.set(key, verdict);
      this.size++;
    }
    return verdict;
  }
}
