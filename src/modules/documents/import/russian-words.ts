// Is this a Russian word? Hunspell (the spell checker of LibreOffice) with LibreOffice's Russian dictionary
// (dictionary-ru): for words a narrow PDF cell cut in two, where the document's own words cannot tell
// («Сформирова» «на» is one word, «результат» «повторной» two). Hunspell applies the affix rules per word
// asked, so loading takes ≈ 0.3 s and ≈ 30 MB (nspell expands every form: 5 s, 170 MB — ADR 0038).

export type IsWord = (word: string) => boolean;

let loading: Promise<IsWord> | null = null;

/** Loaded once per worker thread, on the first document that needs it. */
export function russianWords(): Promise<IsWord> {
  loading ??= load().catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

async function load(): Promise<IsWord> {
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
  const speller = factory.create(aff, dic);
  // Hunspell has read the files: their in-memory copies (3,5 MB) go.
  factory.unmount(aff);
  factory.unmount(dic);
  return (word) => speller.spell(word);
}
