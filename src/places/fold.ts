/**
 * Folds a place name to its lookup key, so that the spellings an English text uses meet the
 * spellings GeoNames stores: "Kramators’k" and "Kramatorsk", "Chişinău" and "Chisinau", "Łódź" and
 * "Lodz", "Rostov-on-Don" and "Rostov on Don" all fold to one key.
 */
export function foldName(name: string): string {
  // Most names are plain ASCII: skip Unicode normalisation, the costly part of loading.
  if (PLAIN.test(name)) return name.toLowerCase().replace(/['`]/g, '').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // Letters that carry their mark inside the code point and so survive NFD.
    .replace(/[ŁłØøĐđßÆæŒœıĦħ]/g, (c) => LETTERS[c] ?? c)
    .toLowerCase()
    // Apostrophes of transliteration (soft signs, ayn) are written or dropped at will.
    .replace(/[’'`ʼ‘ʻʿʾ]/g, '')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PLAIN = /^[\x20-\x7e]*$/;

const LETTERS: Record<string, string> = {
  Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', ß: 'ss', Æ: 'Ae', æ: 'ae', Œ: 'Oe', œ: 'oe', ı: 'i', Ħ: 'H', ħ: 'h',
};
