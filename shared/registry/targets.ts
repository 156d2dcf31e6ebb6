/** Reads an indicator's « Cibles » cell: targets per period, e.g. « 2026 : 60 ; 2027 : 70 ». */

export interface Target {
  period: string;
  value: number;
}

export type TargetsParse = { ok: true; targets: Target[] } | { ok: false; message: string };

/** Periods people write: a year, a quarter (T/Q), a half-year (S/H), a month, or a named survey wave. */
export const PERIOD = /^(\d{4}(?:-(?:[TQ][1-4]|[SH][12]|0[1-9]|1[0-2]))?|[\p{L}\d][\p{L}\d .'’_-]*)$/u;

export function parseTargets(input: string): TargetsParse {
  const text = input.trim();
  if (text === '') return { ok: true, targets: [] };
  const targets: Target[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(.*?)\s*:\s*(-?\d+(?:[.,]\d+)?)\s*%?$/.exec(part);
    if (!match || match[1]!.trim() === '') {
      return { ok: false, message: `cible « ${part} » sans période. Écrivez la période puis la valeur, ex. « 2027 : 70 ».` };
    }
    const period = match[1]!.trim();
    if (!PERIOD.test(period)) return { ok: false, message: `période « ${period} » illisible. Exemples : 2027, 2027-T1, 2027-S2, 2027-03.` };
    if (targets.some((t) => t.period === period)) return { ok: false, message: `deux cibles pour la période « ${period} ». Gardez-en une.` };
    targets.push({ period, value: Number(match[2]!.replace(',', '.')) });
  }
  return { ok: true, targets };
}
