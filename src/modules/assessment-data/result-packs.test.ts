import { describe, expect, it } from 'vitest';
import {
  decodePack,
  encodePack,
  PACK_COLUMNS,
  type PackColumn,
  type PackColumnName,
} from './result-packs.js';

// The bytes of a pack: narrow columns where the values allow, wide ones otherwise, and a refusal of
// bytes that are not a whole pack.

const columns = (values: number[][]): Record<PackColumnName, PackColumn> =>
  Object.fromEntries(
    PACK_COLUMNS.map((name, k) => {
      const v = values[k] as number[];
      const wide = v.some((x) => x < 0 || x > 0xffff);
      return [name, wide ? Int32Array.from(v) : Uint16Array.from(v)];
    }),
  ) as Record<PackColumnName, PackColumn>;

describe('result packs', () => {
  const pack = {
    schools: ['0f2c9a4e7b1d4c3a9e8f1a2b3c4d5e6f', 'ffffffff000040008000000000000001'],
    start: Int32Array.from([0, 2, 3]),
    cols: columns([
      [1, 2, 70000],
      [25, 0, 65535],
      [3, 0, 65536],
      [-1, 2, 0],
      [0, 0, 0],
      [21, 0, 1],
    ]),
    length: 3,
  };

  it('decodes what it encodes, keeping each column as narrow as its values allow', () => {
    const back = decodePack(encodePack(pack));
    expect(back.schools).toEqual(pack.schools);
    expect([...back.start]).toEqual([0, 2, 3]);
    for (const name of PACK_COLUMNS) {
      expect([...back.cols[name]], name).toEqual([...pack.cols[name]]);
      expect(back.cols[name].constructor).toBe(pack.cols[name].constructor);
    }
    expect(back.cols.procedure_id).toBeInstanceOf(Int32Array);
    expect(back.cols.mark4).toBeInstanceOf(Uint16Array);
  });

  it('refuses bytes cut short or of another format', () => {
    const bytes = encodePack(pack);
    expect(() => decodePack(bytes.subarray(0, bytes.length - 4))).toThrow('Пакет результатов');
    expect(() => decodePack(bytes.subarray(0, 8))).toThrow('Пакет результатов');
    const other = Buffer.from(bytes);
    other[0] = 0;
    expect(() => decodePack(other)).toThrow('неизвестный формат');
  });
});
