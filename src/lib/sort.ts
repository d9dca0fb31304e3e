// Russian alphabetical order in the application: the embedded database has no ICU collation,
// and the same order must come out of both databases.
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

export const byRussian =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    collator.compare(key(a), key(b));
