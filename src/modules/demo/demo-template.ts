import type { Comparator, Level, RoadmapKind } from '../../db/schema/roadmaps.js';

// Roadmap templates of the demo are written as tables, one measure a line, much like the
// roadmaps exported from Word in shared/seeds. Line format (fields separated by « | »):
//
//   level | measure | deadline | responsible | unit keys | indicator | target | flags | description | participants
//
// level: regional, municipal, school or «-»; unit keys: ministry, iro, quality, cnppm, omsu, moc
// (comma-separated); target: «≥ 100 %», «≤ 5 %», «= 1 приказ»; flags: key=NAME (a measure lower
// roadmaps link to), links=NAME (this item executes that measure), optional (variations may drop it).
// A line starting with «# » opens a section. Placeholders in braces ({Y}, {Y1}, …) are filled when
// a roadmap is built.

/** Units an item may name as responsible; resolved to org unit ids when the roadmap is built. */
export type ResponsibleKey = 'ministry' | 'iro' | 'quality' | 'cnppm' | 'omsu' | 'moc';
const RESPONSIBLE_KEYS: readonly ResponsibleKey[] = ['ministry', 'iro', 'quality', 'cnppm', 'omsu', 'moc'];

export type ItemTemplate = {
  /** Name of a measure addressed to a lower level, so that lower roadmaps can link their items to it. */
  key?: string;
  /** The key of the upper-level measure whose task this item executes. */
  links?: string;
  level?: Level;
  measure: string;
  description?: string;
  deadline: string;
  responsible: string;
  resp?: ResponsibleKey[];
  participants?: string;
  indicator: string;
  target?: readonly [Comparator, number, string];
  /** Variations of municipal and school roadmaps may leave it out. */
  optional?: boolean;
};

export type SectionTemplate = { title: string; items: ItemTemplate[] };
export type RoadmapTemplate = { title: string; kind: RoadmapKind; sections: SectionTemplate[] };

const LEVELS: Record<string, Level | undefined> = {
  regional: 'regional',
  municipal: 'municipal',
  school: 'school',
  '-': undefined,
};
const COMPARATORS: Record<string, Comparator> = { '≥': 'gte', '≤': 'lte', '=': 'eq' };

function parseTarget(text: string, line: string): ItemTemplate['target'] {
  if (!text) return undefined;
  const m = /^([≥≤=])\s*(\d+(?:[.,]\d+)?)\s+(.+)$/.exec(text);
  const comparator = m?.[1] ? COMPARATORS[m[1]] : undefined;
  if (!m || !comparator || !m[2] || !m[3]) throw new Error(`demo template: bad target in «${line}»`);
  return [comparator, Number(m[2].replace(',', '.')), m[3]];
}

function parseItem(line: string): ItemTemplate {
  const [
    level = '',
    measure = '',
    deadline = '',
    responsible = '',
    keys = '',
    indicator = '',
    target = '',
    flags = '',
    description = '',
    participants = '',
  ] = line.split('|').map((f) => f.trim());
  if (!(level in LEVELS) || !measure || !deadline) throw new Error(`demo template: bad line «${line}»`);
  const resp = keys ? keys.split(',').map((k) => k.trim()) : [];
  const unknown = resp.find((k) => !RESPONSIBLE_KEYS.includes(k as ResponsibleKey));
  if (unknown) throw new Error(`demo template: unknown unit key «${unknown}» in «${line}»`);
  const flag = (name: string) =>
    flags
      .split(/\s+/)
      .find((f) => f.startsWith(`${name}=`))
      ?.slice(name.length + 1);
  return {
    level: LEVELS[level],
    measure,
    deadline,
    responsible,
    resp: resp as ResponsibleKey[],
    indicator,
    target: parseTarget(target, line),
    key: flag('key'),
    links: flag('links'),
    optional: flags.split(/\s+/).includes('optional'),
    description: description || undefined,
    participants: participants || undefined,
  };
}

export function parseTemplate(title: string, kind: RoadmapKind, table: string): RoadmapTemplate {
  const sections: SectionTemplate[] = [];
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('# ')) {
      sections.push({ title: line.slice(2).trim(), items: [] });
      continue;
    }
    const section = sections.at(-1);
    if (!section) throw new Error(`demo template: a measure before the first section: «${line}»`);
    section.items.push(parseItem(line));
  }
  return { title, kind, sections };
}
