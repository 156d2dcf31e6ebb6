/** The free validated scales, as data. Validated against `Scale` in tests, not at load (the bundle stays light). */
import type { Scale, ScaleId } from './schema';
import who5 from './who5.json';
import ucla3 from './ucla3.json';

export type { Scale, ScaleId } from './schema';
export { SCALE_IDS } from './schema';

export const SCALES: Readonly<Record<ScaleId, Scale>> = {
  who5: who5 as Scale,
  ucla3: ucla3 as Scale,
};

export function scaleById(id: string): Scale | undefined {
  return Object.prototype.hasOwnProperty.call(SCALES, id) ? SCALES[id as ScaleId] : undefined;
}
