// The exceljs modules Repère reaches into, and the parts of its streaming writer it completes: the reader of <t> text
// (xlsx-text.ts), and the drawing parts its streaming writer does not make (xlsx-drawings.ts).
declare module 'exceljs/lib/xlsx/xform/strings/text-xform.js' {
  const TextXform: { prototype: object };
  export default TextXform;
}

declare module 'exceljs/lib/xlsx/xform/drawing/drawing-xform.js' {
  export default class DrawingXform {
    prepare(model: object, options: object): void;
    toXml(model: object): string;
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  export default class RelationshipsXform {
    toXml(model: object): string;
  }
}

declare module 'exceljs/lib/xlsx/xform/core/content-types-xform.js' {
  export default class ContentTypesXform {
    toXml(model: object): string;
  }
}
