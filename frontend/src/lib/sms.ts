/**
 * How many messages an SMS text goes out as (3GPP TS 23.038): text in the GSM 7-bit alphabet fits 160 characters in
 * one message and 153 per part when split (the extension characters ^{}\[~]|€ count twice); anything else (Chinese,
 * emoji) is sent as UCS-2, 70 in one and 67 per part.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

export interface SmsParts {
  /** GSM-7 or UCS-2: which alphabet the text needs. */
  encoding: 'GSM' | 'UCS2';
  /** Units the text takes (GSM extension characters count twice; UCS-2 counts UTF-16 code units). */
  units: number;
  /** Messages it goes out as (0 for no text). */
  parts: number;
  /** The most one part holds for this text. */
  perPart: number;
}

export function smsParts(text: string): SmsParts {
  let units = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) units += 1;
    else if (GSM_EXTENSION.includes(char)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) {
    units = text.length;
    const single = 70;
    const perPart = units <= single ? single : 67;
    return { encoding: 'UCS2', units, parts: units === 0 ? 0 : Math.ceil(units / perPart), perPart };
  }
  const perPart = units <= 160 ? 160 : 153;
  return { encoding: 'GSM', units, parts: units === 0 ? 0 : Math.ceil(units / perPart), perPart };
}
