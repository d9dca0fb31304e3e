import { scanXml } from '../../files/xml.js';

// Word's automatic numbering (word/numbering.xml): the «№» column of many roadmaps holds no text, only a
// list number Word draws («1.», «1.2.»). The counters run as Word runs them — per abstract list, a level
// restarting the levels below it — and the label is put before the paragraph's text.

type Level = { start: number; format: string; text: string };
type NumInstance = { abstractId: string; starts: Map<number, number> };

export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly restarted = new Set<string>();

  constructor(xml: string | null) {
    if (!xml) return;
    let abstract: Map<number, Level> | null = null;
    let level: Level | null = null;
    let num: NumInstance | null = null;
    let overrideLevel: number | null = null;
    scanXml(
      xml,
      {
        open: (name, attrs) => {
          if (name === 'w:abstractNum') {
            abstract = new Map();
            this.abstracts.set(attrs['w:abstractNumId'] ?? '', abstract);
          } else if (name === 'w:lvl' && abstract) {
            level = { start: 1, format: 'decimal', text: '' };
            abstract.set(Number(attrs['w:ilvl'] ?? 0), level);
          } else if (name === 'w:start' && level) level.start = Number(attrs['w:val'] ?? 1);
          else if (name === 'w:numFmt' && level) level.format = attrs['w:val'] ?? 'decimal';
          else if (name === 'w:lvlText' && level) level.text = attrs['w:val'] ?? '';
          else if (name === 'w:num') {
            num = { abstractId: '', starts: new Map() };
            this.nums.set(attrs['w:numId'] ?? '', num);
          } else if (name === 'w:abstractNumId' && num) num.abstractId = attrs['w:val'] ?? '';
          else if (name === 'w:lvlOverride' && num) overrideLevel = Number(attrs['w:ilvl'] ?? 0);
          else if (name === 'w:startOverride' && num && overrideLevel !== null) {
            num.starts.set(overrideLevel, Number(attrs['w:val'] ?? 1));
          }
        },
        close: (name) => {
          if (name === 'w:abstractNum') abstract = null;
          else if (name === 'w:lvl') level = null;
          else if (name === 'w:num') num = null;
          else if (name === 'w:lvlOverride') overrideLevel = null;
        },
        text: () => {},
      },
      'документ Word',
    );
  }

  /** The label of the next paragraph of list `numId` at level `ilvl` («1.2.»); for bullets see below. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    if (!num || !levels) return '';
    const key = num.abstractId;
    let counters = this.counters.get(key) ?? [];
    if (num.starts.size > 0 && !this.restarted.has(numId)) {
      // An instance that restarts the list («начать заново»).
      this.restarted.add(numId);
      counters = [];
    }
    const startOf = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : (counters[ilvl] ?? 0) + 1;
    counters.length = ilvl + 1;
    this.counters.set(key, counters);
    const level = levels.get(ilvl);
    if (!level || level.format === 'none') return '';
    // A bullet is a list marker Word draws, not text: no glyph is written, a dash bullet («–») neither (a
    // typed «– » or «• » is text and stays); the PDF reader drops a bullet glyph before a tab stop and a dash
    // that hangs as a list marker (pdf-text.ts, bulletMarkers, dashMarkers).
    if (level.format === 'bullet') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const format = levels.get(k)?.format ?? 'decimal';
      return formatNumber(counters[k] ?? startOf(k), format);
    });
  }
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const RUSSIAN = 'абвгдежзиклмнопрстуфхцчшщэюя';

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
    case 'lowerRoman': {
      let rest = n;
      let s = '';
      for (const [v, r] of ROMAN) {
        while (rest >= v) {
          s += r;
          rest -= v;
        }
      }
      return format === 'upperRoman' ? s : s.toLowerCase();
    }
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'russianUpper':
      return (RUSSIAN[(n - 1) % RUSSIAN.length] ?? '').toUpperCase();
    case 'russianLower':
      return RUSSIAN[(n - 1) % RUSSIAN.length] ?? '';
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}
