// Apps Script enums: objects with name()/toString(), so that overloads can tell an enum from a plain string
// (addDeveloperMetadata(key, value) vs (key, visibility)) and `===` against the service's own constant works.

export class EnumValue {
  constructor(private readonly _name: string) {}
  name(): string {
    return this._name;
  }
  toString(): string {
    return this._name;
  }
  toJSON(): string {
    return this._name;
  }
}

export function makeEnum<K extends string>(names: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  for (const n of names) out[n] = new EnumValue(n);
  return Object.freeze(out);
}

export function isEnum(x: unknown): x is EnumValue {
  return x instanceof EnumValue;
}

/** The enum's name when given an enum value or its name as a string. */
export function enumName(x: unknown): string {
  return x instanceof EnumValue ? x.name() : String(x);
}
