import { SaxesParser } from 'saxes';
import { AppError } from '../../lib/errors.js';

// Streaming reading of the XML of Office files with saxes: tags with their attributes, and text. saxes
// decodes only the predefined and numeric entities and never expands anything a DOCTYPE declares.

export type XmlAttrs = Readonly<Record<string, string>>;

export type XmlHandlers = {
  open: (name: string, attrs: XmlAttrs, selfClosing: boolean) => void;
  close: (name: string) => void;
  text: (text: string) => void;
};

/** Parses `xml` (one string or chunks); malformed XML is AppError INVALID_INPUT naming `what`. */
export function scanXml(xml: string | Iterable<string>, h: XmlHandlers, what = 'файл'): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => h.open(tag.name, tag.attributes, tag.isSelfClosing));
  parser.on('closetag', (tag) => h.close(tag.name));
  parser.on('text', h.text);
  parser.on('cdata', h.text);
  const check = () => {
    if (failure) {
      throw new AppError(
        'INVALID_INPUT',
        `Не удалось прочитать ${what}: файл повреждён (ошибка в XML: ${failure.message})`,
      );
    }
  };
  for (const chunk of typeof xml === 'string' ? [xml] : xml) {
    parser.write(chunk);
    check();
  }
  parser.close();
  check();
}

/** OOXML on/off properties: `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"|"false"|"off"` is off. */
export function onOff(attrs: XmlAttrs): boolean {
  const v = attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}
