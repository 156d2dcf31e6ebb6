/** Every survey source Repère knows, in one list: adding a tool is adding a file and a line here. */
import type { SurveyRecords } from '../read-table';
import type { SourceProfile } from '../types';
import { evalandgo } from './evalandgo';
import { framaforms } from './framaforms';
import { generic } from './generic';
import { googleForms } from './google-forms';
import { kobotoolbox } from './kobotoolbox';
import { limesurvey } from './limesurvey';
import { sphinx } from './sphinx';
import { surveymonkey } from './surveymonkey';
import { typeform } from './typeform';

export const SOURCES: readonly SourceProfile[] = [googleForms, kobotoolbox, limesurvey, framaforms, surveymonkey, typeform, sphinx, evalandgo, generic];

const DETECT_ROWS = 20;
/** A tool's profile this sure of a row is taken at its word: that row holds the tool's headers. */
const RECOGNISED = 0.5;

/** Whether a survey tool's profile recognises these headers as its own (how a header row below a title is found). */
export function recognisedHeaders(headers: readonly string[], sample: readonly string[][]): boolean {
  return SOURCES.some((profile) => profile !== generic && profile.detect(headers, sample) >= RECOGNISED);
}

/** The source whose profile is most confident; generic when none is (never a failure). */
export function recogniseSource(records: SurveyRecords): SourceProfile {
  const sample = records.rows.slice(0, DETECT_ROWS);
  let best: SourceProfile = generic;
  let bestConfidence = generic.detect(records.rawHeaders, sample);
  for (const profile of SOURCES) {
    const confidence = profile.detect(records.rawHeaders, sample);
    if (confidence > bestConfidence) {
      best = profile;
      bestConfidence = confidence;
    }
  }
  return bestConfidence >= 0.3 ? best : generic;
}
