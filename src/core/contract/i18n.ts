/** A piece of user-facing text in every interface language. */
export type Lang = 'en' | 'vi';
export type Text = { en: string; vi: string };

/** Picks the text for a language, falling back to English. */
export const pick = (text: Text | string | undefined, lang: Lang): string =>
  text === undefined ? '' : typeof text === 'string' ? text : text[lang] || text.en;

/** Folds Vietnamese (and other Latin) diacritics for accent-insensitive search: "phân khúc" → "phan khuc". */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
