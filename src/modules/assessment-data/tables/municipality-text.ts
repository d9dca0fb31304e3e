// A municipality named in running text: a district's report names its district only in the title
// («Результаты ВПР … по Родниковскому муниципальному району»), inflected. `municipalityInTitle` finds the
// phrase (convert-table.ts gives it to the schools of a sheet with no municipality column and no territory
// rows); `municipalityStems` compares it with the region's municipalities whatever the case
// (match-schools.ts): «Родниковскому муниципальному району» and «Родниковский муниципальный район» meet.

/**
 * The word that makes a phrase a municipality's name (a district, an okrug), in the singular: «по
 * муниципальным районам» speaks of many, a regional report.
 */
const KIND = /^(?:район(?:а|у|ом|е)?|округ(?:а|у|ом|е)?|муниципалитет(?:а|у|ом|е)?)$/u;
/**
 * «Образование» is a municipality only after «муниципальное»: «Министерство образования Ивановской области»
 * is a regional ministry, not a municipality «образования Ивановской».
 */
const FORMATION = /^образовани(?:е|я|ю|ем|и)$/u;
/** Words of a region after its adjective («Ивановской области») or before its name («Республики Карелия»). */
const REGION_WORD = /^(?:област\p{L}*|кра(?:й|я|ю|ем|е)|республик\p{L}*)$/u;
/** Adjectives before the kind word: «Родниковскому муниципальному», «Городской». */
const ADJECTIVE = /^\p{L}[\p{Ll}-]*(?:ий|ый|ой|его|ого|ему|ому|ем|ом|ая|яя|ую|юю|ое|ее|ым|им|ей)$/u;
const PROPER = /^[«"(]?\p{Lu}/u;
/** Words of the kind of a municipality, in any case: what stays is its proper name. */
const KIND_WORDS =
  /^(?:муниципальн\p{L}*|район\p{L}*|округ\p{L}*|городск\p{L}*|город|города|городу|городе|городом|г|мо|го|гп|образовани\p{L}*|поселени\p{L}*|сельск\p{L}*|р-н|рн|по|в|во)$/u;
/** Case endings of Russian adjectives and nouns; cut from words longer than four letters. */
const ENDING =
  /(?:ыми|ими|ому|ему|ого|его|ами|ями|ий|ый|ой|ая|яя|ую|юю|ое|ее|ым|им|ом|ем|ей|ых|их|ах|ях|ам|ям|а|я|у|ю|е|ы|и|о|ь)$/u;

const bare = (token: string) => token.replace(/^[«"(]+|[»",;:.)]+$/g, '');

/**
 * The phrase of the first title line that names one municipality: a kind word (район, округ…) in the
 * singular, up to three adjectives before it, proper names and a one-word bracket («(демо)») after it; at
 * least one proper name besides the kind words. Null when no line has one.
 */
export function municipalityInTitle(lines: string[]): string | null {
  for (const line of lines) {
    const tokens = line.split(/\s+/).filter(Boolean);
    for (let k = 0; k < tokens.length; k++) {
      const word = bare(tokens[k] as string).toLowerCase();
      const formation =
        FORMATION.test(word) && k > 0 && /^муниципальн/u.test(bare(tokens[k - 1] as string).toLowerCase());
      if (!KIND.test(word) && !formation) continue;
      let from = k;
      while (from > 0 && k - from < 3 && ADJECTIVE.test(bare(tokens[from - 1] as string))) from--;
      let to = k;
      const regionWord = (i: number) =>
        i < tokens.length && REGION_WORD.test(bare(tokens[i] as string).toLowerCase());
      while (to + 1 < tokens.length && to - k < 3) {
        const next = tokens[to + 1] as string;
        if (/[,;:]$/.test(tokens[to] as string) || regionWord(to + 1)) break;
        if (!(PROPER.test(next) && !/\d/.test(next)) && !/^\(\p{Ll}+\)[,;:.]?$/u.test(next)) break;
        to++;
      }
      // «… района Ивановской области»: the region's adjective is not the municipality's name.
      if (to > k && regionWord(to + 1) && ADJECTIVE.test(bare(tokens[to] as string))) to--;
      const phrase = tokens
        .slice(from, to + 1)
        .join(' ')
        .replace(/[,;:.]+$/, '');
      const names = tokens.slice(from, to + 1).filter((t) => {
        const b = bare(t);
        return PROPER.test(b) && !KIND_WORDS.test(b.toLowerCase());
      });
      // «Уральский федеральный округ», «Чукотский автономный округ» are regions, not municipalities.
      if (names.length > 0 && !/федеральн|автономн/iu.test(phrase)) return phrase;
    }
  }
  return null;
}

/** The stems of a municipality's proper name: «Родниковскому муниципальному району (демо)» → родниковск, демо. */
export function municipalityStems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\d-]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== '-' && !KIND_WORDS.test(w))
    .map((w) => (w.length > 4 ? w.replace(ENDING, '') : w));
}

/**
 * The one municipality of `names` whose every stem the text has (the text may say more: «(весна 2026)»);
 * null when none or several do.
 */
export function municipalityNamedBy(text: string, names: string[]): string | null {
  const said = new Set(municipalityStems(text));
  const fits = [...new Set(names)].filter((n) => {
    const stems = municipalityStems(n);
    return stems.length > 0 && stems.every((s) => said.has(s));
  });
  return fits.length === 1 ? (fits[0] as string) : null;
}
