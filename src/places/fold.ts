/**
 * Folds a place name to its lookup key, so that the spellings an English text uses meet the
 * spellings GeoNames stores: "Kramators’k" and "Kramatorsk", "Chişinău" and "Chisinau", "Łódź" and
 * "Lodz", "Rostov-on-Don" and "Rostov on Don" all fold to one key.
 */
export function foldName(name: string): string {
  // The same names come back article after article: fold each once (a bounded memo).
  let key = folded.get(name);
  if (key === undefined) {
    key = foldUncached(name);
    if (folded.size >= MEMO_LIMIT) folded.clear();
    folded.set(name, key);
  }
  return key;
}

/** Folded names kept for reuse; cleared when full, so memory stays bounded on any stream. */
const MEMO_LIMIT = 50_000;
const folded = new Map<string, string>();

function foldUncached(name: string): string {
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
