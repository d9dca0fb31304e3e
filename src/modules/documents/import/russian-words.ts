// Is this a Russian word? Hunspell (the spell checker of LibreOffice) with LibreOffice's Russian dictionary
// (dictionary-ru): for words a narrow PDF cell cut in two, where the document's own words cannot tell
// («Сформирова» «на» is one word, «результат» «повторной» two). Hunspell applies the affix rules per word
// asked, so loading takes ≈ 0.3 s and ≈ 30 MB (nspell expands every form: 5 s, 170 MB — ADR 0038).

import { DOMAIN_WORDS } from './domain-words.js';

export interface RussianWords {
  /** A word of the dictionary or of the domain. */
  word: (word: string) => boolean;
  /** A word of the domain (domain-words.ts), in any of its forms. */
  term: (word: string) => boolean;
}

let loading: Promise<RussianWords> | null = null;

/** Loaded once per worker thread, on the first document that needs it. */
export function russianWords(): Promise<RussianWords> {
  loading ??= load().catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

async function load(): Promise<RussianWords> {
  const [{ loadModule }, { default: dictionary }] = await Promise.all([
    import('hunspell-asm'),
    import('dictionary-ru'),
  ]);
  // The Emscripten build adds a process-wide «uncaughtException» handler that rethrows: taken off again, so
  // an error elsewhere in the thread is reported as it would be without the dictionary.
  const before = new Set(process.listeners('uncaughtException'));
  const factory = await loadModule();
  for (const l of process.listeners('uncaughtException')) {
    if (!before.has(l)) process.off('uncaughtException', l);
  }
  const [aff, dic] = [
    factory.mountBuffer(dictionary.aff, 'ru.aff'),
    factory.mountBuffer(dictionary.dic, 'ru.dic'),
  ];
  const terms = factory.mountBuffer(termsDictionary(dictionary.dic), 'terms.dic');
  const speller = factory.create(aff, dic);
  const termSpeller = factory.create(aff, terms);
  // Hunspell has read the files: their in-memory copies (3,5 MB) go.
  for (const file of [aff, dic, terms]) factory.unmount(file);
  for (const [word, model] of DOMAIN_WORDS) speller.addWordWithAffix(word, model);
  return { word: (w) => speller.spell(w), term: (w) => termSpeller.spell(w) };
}

/** A dictionary of the domain words alone, each with its model's affix flags («кредит/K» gives «дефицит/K»). */
function termsDictionary(dic: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(dic);
  const lines = DOMAIN_WORDS.map(([word, model]) => {
    const at = text.indexOf(`\n${model}/`);
    return at < 0 ? word : word + text.slice(at + 1 + model.length, text.indexOf('\n', at + 1));
  });
  return new TextEncoder().encode(`${lines.length}\n${lines.join('\n')}\n`);
}
