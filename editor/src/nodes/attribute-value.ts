export type AttributeValueType = 'text' | 'number' | 'boolean' | 'clear';

export function attributeValueType(value: unknown): AttributeValueType {
  if (value === null) return 'clear';
  if (typeof value === 'number' || value === undefined) return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** The value after switching its type, keeping what can be kept ("3" <-> 3). */
export function convertAttributeValue(value: unknown, type: AttributeValueType): string | number | boolean | null | undefined {
  switch (type) {
    case 'clear':
      return null;
    case 'boolean':
      return value === true || value === 'true';
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return typeof value !== 'boolean' && value !== null && value !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'text':
      return value === null || value === undefined ? '' : String(value);
  }
}
