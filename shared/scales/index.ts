/** The free validated scales, as data. Validated against `Scale` in tests, not at load (the bundle stays light). */
import type { ScaleId } from './ids';
import type { Scale } from './schema';
import who5 from './who5.json';
import ucla3 from './ucla3.json';

export type { Scale } from './schema';
export { SCALE_IDS, type ScaleId } from './ids';

export const SCALES: Readonly<Record<ScaleId, Scale>> = {
  who5: who5 as Scale,
  ucla3: ucla3 as Scale,
};

export function scaleById(id: string): Scale | undefined {
  return Object.prototype.hasOwnProperty.call(SCALES, id) ? SCALES[id as ScaleId] : undefined;
}
