// A browser's User-Agent in plain Russian words for the «Сеансы» list: which browser, on what
// system, what kind of device. Only the common families are named; the rest is «неизвестный браузер».

const BROWSERS: [RegExp, string][] = [
  [/YaBrowser|Yowser/, 'Яндекс Браузер'],
  [/Edg(e|A|iOS)?\//, 'Microsoft Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS/, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Astra/i, 'Astra Linux'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

export function describeUserAgent(ua: string | null): string {
  if (!ua) return 'Неизвестное устройство';
  if (/HeadlessChrome/.test(ua)) return 'Chrome без окна (автоматический клиент)';
  if (!/Mozilla\//.test(ua)) return `Программа: ${ua.split(/[\s/]/)[0]?.slice(0, 40) || 'неизвестная'}`;
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? 'неизвестный браузер';
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  const device =
    /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))
      ? 'планшет'
      : /Mobile|iPhone|Android/.test(ua)
        ? 'телефон'
        : 'компьютер';
  return `${browser}${system ? ` в ${system}` : ''}, ${device}`;
}
