// The one exceljs module Repère reaches into (see xlsx-text.ts): its reader of <t> text, which decodes `_xHHHH_`.
declare module 'exceljs/lib/xlsx/xform/strings/text-xform.js' {
  const TextXform: { prototype: object };
  export default TextXform;
}
