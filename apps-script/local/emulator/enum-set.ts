// The enums of every emulated service, created once per services instance.

import { makeEnum } from './enums';

export function makeEnums() {
  return {
    DeveloperMetadataVisibility: makeEnum(['DOCUMENT', 'PROJECT'] as const),
    DeveloperMetadataLocationType: makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN', 'OBJECT'] as const),
    ProtectionType: makeEnum(['RANGE', 'SHEET'] as const),
    DataValidationCriteria: makeEnum([
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'NUMBER_BETWEEN',
      'NUMBER_GREATER_THAN',
      'NUMBER_LESS_THAN',
      'CHECKBOX',
      'CUSTOM_FORMULA',
      'TEXT_IS_VALID_EMAIL',
      'DATE_IS_VALID_DATE',
    ] as const),
    BooleanCriteria: makeEnum([
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'TEXT_EQUAL_TO',
      'TEXT_CONTAINS',
      'CUSTOM_FORMULA',
    ] as const),
    ChartType: makeEnum(['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL'] as const),
    AuthMode: makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    MimeType: makeEnum(['CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'TEXT', 'VCARD', 'XML', 'ATOM', 'RSS'] as const),
    SandboxMode: makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const),
    XFrameOptionsMode: makeEnum(['ALLOWALL', 'DEFAULT'] as const),
    Button: makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const),
    ButtonSet: makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const),
    DigestAlgorithm: makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const),
    MacAlgorithm: makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const),
    Charset: makeEnum(['US_ASCII', 'UTF_8'] as const),
    DestinationType: makeEnum(['SPREADSHEET'] as const),
    ItemType: makeEnum(['CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE', 'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO'] as const),
    PageNavigationType: makeEnum(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const),
  };
}

export type Enums = ReturnType<typeof makeEnums>;

/** HTTP content types of ContentService.MimeType, for the host serving a TextOutput. */
export const CONTENT_TYPES: Record<string, string> = {
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'application/xml',
  ATOM: 'application/atom+xml',
  RSS: 'application/rss+xml',
};
