import { looksLikeContinuation } from './clean-text.js';

// A title spread over several paragraphs («Дорожная карта» / «по направлению «…школами,» /
// «функционирующими…»» / «Горного района на 2024-2025 учебный год»): the next paragraph belongs to the
// title while the sentence is visibly not over — a comma or an open quote at the end, a lower-case or
// prepositional start — or when it only adds who and when the roadmap is for.

const OPEN_END = /[,«„(—–-]$|\s(и|или|и\/или|в|на|по|с|со|для|от|к)$/i;
const PREPOSITION = /^(по|на|в|во|для|со?|к|и|или|и\/или|от|при)\s/i;
const WHO_AND_WHEN =
  /(район|округ|город|област|края|республик|муниципал|учебн\S* год|\d{4}\s*(год|г\.|гг)|учреждени|гимнази|лице[йяю]|(?<![а-яё])(М[БАК]?ОУ|Г[БАК]?ОУ|[МГ]Б?ОО|СОШ|ООШ|НОШ)(?![а-яё]))/i;

const unclosedQuote = (t: string) => (t.match(/«/g)?.length ?? 0) > (t.match(/»/g)?.length ?? 0);

export function continuesTitle(
  title: string,
  next: string,
  sameStyle: boolean,
  shortTitle: boolean,
): boolean {
  const q = next.trim();
  if (!q || /^[-–•]/.test(q)) return false;
  const open = OPEN_END.test(title.trim()) || unclosedQuote(title);
  if (open || looksLikeContinuation(q)) return true;
  if (!sameStyle) return false;
  if (shortTitle || PREPOSITION.test(q)) return true;
  // «… в неблагоприятных социальных условиях» + «Горного района на 2024-2025 учебный год».
  // Not after a title that already says its year, not a «Цель: …» line.
  if (/[.:;!?]$/.test(title.trim()) || /(?<!\d)20\d{2}(?!\d)/.test(title)) return false;
  // The dots of «с. Заречное», «им. А.С. Пушкина», «г.» are not the end of a sentence.
  const unabbreviated = q.replace(/(?<!\p{L})\p{L}{1,3}\./gu, '');
  return q.length <= 200 && WHO_AND_WHEN.test(q) && !/[.:;]/.test(unabbreviated);
}
