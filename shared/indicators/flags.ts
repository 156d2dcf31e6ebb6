/** Flags on a value: a stable code for filtering, a level, and a plain-French message that says what to check. */
import type { Flag, FlagCode } from './model';
import { frNumber, frPercent } from './text';

/** Below this many answers a figure is labelled « indicatif ». */
export const SMALL_SAMPLE_N = 30;
/** A proportion whose 95 % interval is wider than ± this many points is flagged. */
export const WIDE_MARGIN_POINTS = 10;
export const ITEM_NONRESPONSE_SHARE = 0.3;
export const DONT_KNOW_SHARE = 0.1;
export const PROXY_SHARE = 0.2;
export const CEILING_SHARE = 0.15;
export const GAP_POINTS = 15;
export const GAP_SMD = 0.5;
export const GAP_MIN_GROUP_N = 10;
export const ATTRITION_SHARE = 0.2;
export const ATTRITION_SD_GAP = 0.3;
export const RESPONSE_RATE_LOW = 0.5;

export function flag(code: FlagCode, level: Flag['level'], message: string): Flag {
  return { code, level, message };
}

export const share = (k: number, n: number) => (n > 0 ? k / n : 0);

export function smallSampleFlag(n: number): Flag | null {
  return n > 0 && n < SMALL_SAMPLE_N
    ? flag('small_sample', 'info', `Indicatif : ${n} réponses seulement (moins de ${SMALL_SAMPLE_N}), l'intervalle est large.`)
    : null;
}

export function wideMarginFlag(halfWidthPoints: number): Flag | null {
  return halfWidthPoints > WIDE_MARGIN_POINTS
    ? flag('wide_margin', 'info', `Marge d'erreur d'environ ± ${frNumber(halfWidthPoints, 0)} points.`)
    : null;
}

export function nonResponseFlags(missing: number, dontKnow: number, invalid: number, total: number): Flag[] {
  const flags: Flag[] = [];
  if (total === 0) return flags;
  if (share(missing, total) > ITEM_NONRESPONSE_SHARE) {
    flags.push(flag('item_nonresponse', 'alerte', `${frPercent(missing / total)} de non-réponse (${missing} sur ${total}) : la valeur repose sur ceux qui ont répondu.`));
  }
  if (share(dontKnow, total) > DONT_KNOW_SHARE) {
    flags.push(flag('dont_know', 'info', `${frPercent(dontKnow / total)} de « ne sait pas » ou « non concerné » (${dontKnow} sur ${total}), laissés hors du calcul.`));
  }
  if (invalid > 0) {
    flags.push(flag('invalid_answers', 'alerte', `${invalid} réponse${invalid > 1 ? 's' : ''} illisible${invalid > 1 ? 's' : ''} (hors des modalités prévues) laissée${invalid > 1 ? 's' : ''} hors du calcul : vérifiez l'onglet des réponses.`));
  }
  return flags;
}

export function proxyFlags(args: { excluded: number; included: number; unknown: number; total: number }): Flag[] {
  const flags: Flag[] = [];
  if (args.excluded > 0) {
    const all = args.excluded + args.total;
    flags.push(flag('proxy_excluded', 'alerte', `${args.excluded} réponse${args.excluded > 1 ? 's' : ''} sur ${all} donnée${args.excluded > 1 ? 's' : ''} par un proche, laissée${args.excluded > 1 ? 's' : ''} de côté : cet indicateur ne compte que les réponses des personnes elles-mêmes.`));
  }
  const counted = args.total;
  if (counted > 0 && share(args.included, counted) > PROXY_SHARE) {
    flags.push(flag('proxy_share', 'alerte', `${frPercent(args.included / counted)} des réponses sont données pour autrui (${args.included} sur ${counted}) : comparez avec les réponses des personnes elles-mêmes.`));
  }
  if (args.unknown > 0) {
    flags.push(flag('respondent_type_unknown', 'info', `Type de répondant non renseigné pour ${args.unknown} réponse${args.unknown > 1 ? 's' : ''} : impossible de vérifier qui a répondu.`));
  }
  return flags;
}
