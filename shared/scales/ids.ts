/** The ids of the validated scales shipped with Repère, apart from their schema so that reading them loads no zod. */
export const SCALE_IDS = ['who5', 'ucla3'] as const;
export type ScaleId = (typeof SCALE_IDS)[number];
