// The few calls the CIDS and W3C tests make into RDF libraries that ship no types (validation only: never in the product).
declare module '@rdfjs/dataset' {
  const factory: { dataset(quads?: unknown[]): import('@rdfjs/types').DatasetCore };
  export default factory;
}
declare module 'n3' {
  export class Parser {
    constructor(options?: { format?: string });
    parse(text: string): unknown[];
  }
}
declare module 'jsonld' {
  const jsonld: {
    toRDF(document: object, options: { format: 'application/n-quads'; documentLoader: (url: string) => Promise<unknown> }): Promise<string>;
    expand(document: object, options: { documentLoader: (url: string) => Promise<unknown>; safe?: boolean }): Promise<unknown[]>;
  };
  export default jsonld;
}
