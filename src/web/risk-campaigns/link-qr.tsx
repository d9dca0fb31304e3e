import { Image } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of an address, drawn in the browser (the print sheet draws its own on the server). */
export function LinkQr({ url, size = 140 }: { url: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(url, { margin: 1, width: size * 2 })
      .then(setSrc)
      .catch(() => setSrc(null));
  }, [url, size]);
  return src ? <Image src={src} w={size} h={size} alt={`QR-код: ${url}`} /> : null;
}

export const answerUrl = (token: string) => `${window.location.origin}/a/${token}`;
