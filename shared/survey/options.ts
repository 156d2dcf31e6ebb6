/**
 * The options of a multiple-choice cell. Google Forms joins checkbox options with « , » but an option may itself hold
 * a comma (« Repas, courses »): the options are the pieces that recur across the column, not every comma. Two pieces
 * that always come together, one right after the other, are one option; a piece seen alone or beside others is one.
 */

export interface OptionSplit {
  /** Every option met, in order of first appearance: the answers that hold it, and how many different answers. */
  options: Map<string, { rows: number; answers: number }>;
  /** Answers that hold more than one option. */
  joined: number;
  /** Whether some answer names the same option twice, which no checkbox list does. */
  repeated: boolean;
  /** The options of one cell, as this column's options cut it. */
  split(value: string): string[];
}

function pieces(value: string, separator: string): string[] {
  const out: string[] = [];
  for (const p of value.split(separator)) {
    const t = p.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** Cuts every distinct answer (with its count) into options. */
export function splitOptions(distinct: ReadonlyMap<string, number>, separator: string): OptionSplit {
  // For each piece: the piece always right after it (or null once it varies or ends a cell), and the one before.
  const next = new Map<string, string | null>();
  const previous = new Map<string, string | null>();
  const follow = (map: Map<string, string | null>, key: string, value: string | null) => {
    if (!map.has(key)) map.set(key, value);
    else if (map.get(key) !== value) map.set(key, null);
  };
  for (const value of distinct.keys()) {
    const parts = pieces(value, separator);
    parts.forEach((p, i) => {
      follow(next, p, parts[i + 1] ?? null);
      follow(previous, p, i > 0 ? parts[i - 1]! : null);
    });
  }
  const glued = (a: string, b: string) => a !== b && next.get(a) === b && previous.get(b) === a;
  const cut = new Map<string, string[]>();
  const split = (value: string): string[] => {
    let known = cut.get(value);
    if (known) return known;
    const parts = pieces(value, separator);
    known = [];
    for (let i = 0; i < parts.length; i++) {
      let option = parts[i]!;
      while (i + 1 < parts.length && glued(parts[i]!, parts[i + 1]!)) option += `${separator}${parts[++i]!}`;
      known.push(option);
    }
    if (cut.size < 5_000) cut.set(value, known);
    return known;
  };
  const options = new Map<string, { rows: number; answers: number }>();
  let joined = 0;
  let repeated = false;
  for (const [value, count] of distinct) {
    const found = split(value);
    if (found.length > 1) joined += count;
    const unique = new Set(found);
    if (unique.size < found.length) repeated = true;
    for (const option of unique) {
      const seen = options.get(option);
      if (seen) {
        seen.rows += count;
        seen.answers++;
      } else options.set(option, { rows: count, answers: 1 });
    }
  }
  return { options, joined, repeated, split };
}
