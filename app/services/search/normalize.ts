// Persian text is typed in more than one way: Arabic keyboards (and text pasted from Arabic
// sources) give Arabic yeh and kaf (ي ك) where Persian uses its own letters (ی ک), writers
// stretch words with tatweel (کـــیف), add short-vowel marks (کُت) and join or split suffixes
// with a zero-width non-joiner (پیراهن‌ها), and digits come in three scripts. Meilisearch folds
// some of this, but not all and not the same way for documents and queries (it depends on the
// language it detects in each), so "پیراهن" missed a product titled "پيراهن". Both sides go
// through the functions below before they reach the engine.

/** Arabic letters that have a Persian counterpart, and Persian/Arabic-Indic digits. */
const LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u06D2': '\u06CC', // ے yeh barree → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک
  '\u06AA': '\u06A9', // ڪ swash kaf → ک
  '\u0629': '\u0647', // ة teh marbuta → ه
  // The ezafe on a final heh is typed as one letter (ۀ, Shift+Z on the Persian keyboard) or as
  // heh with a hamza mark (هٔ, whose mark MARKS drops): both are the heh of the word.
  '\u06C0': '\u0647', // ۀ heh with yeh above → ه
  '\u06C2': '\u0647', // ۂ heh goal with hamza above → ه
  '\u06C1': '\u0647', // ہ heh goal (Urdu keyboards) → ه
  '\u06D5': '\u0647', // ە ae (Kurdish keyboards) → ه
}
const LETTER = /[\u064A\u0649\u06D2\u0643\u06AA\u0629\u06C0\u06C1\u06C2\u06D5]/g

/** Tatweel (kashida) only stretches a word. */
const TATWEEL = /\u0640/g
/**
 * Arabic-script non-spacing marks: harakat, tanwin, shadda, sukun, superscript alef, hamza
 * above/below, Quranic annotation signs. They change how a word is voiced, not which word it is.
 */
const MARKS = /(?=\p{Script_Extensions=Arabic})\p{Mn}/gu
/** Invisible characters that are never meaningful in a search: ZWSP, ZWJ, word joiner, BOM, soft hyphen, bidi marks. */
const INVISIBLE = /\u200D|[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const ZWNJ = '\u200C'
/** Several non-joiners in a row count as one; one next to a space or at an end is no join at all. */
const ZWNJ_RUN = /\u200C+/g
const ZWNJ_LOOSE = /(^|\s)\u200C+|\u200C+(?=\s|$)/g

const PERSIAN_ZERO = 0x06f0
const ARABIC_ZERO = 0x0660
const DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII. */
export function foldDigits(text: string) {
  return text.replace(DIGIT, (char) => {
    const code = char.charCodeAt(0)
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_ZERO)
  })
}

/**
 * The canonical Persian spelling of a text, still fit to show: Persian yeh and kaf for their
 * Arabic look-alikes, no tatweel, no vowel marks, no stray invisible characters, one
 * zero-width non-joiner where a word is joined (none next to a space). Digits are left as
 * written, so a title keeps its Persian digits on the card (Meilisearch indexes them as ASCII;
 * queries are folded by normalizeSearchQuery). Text in other scripts is unchanged.
 */
export function normalizePersian(text: string) {
  return text
    .normalize('NFC')
    .replace(LETTER, (char) => LETTERS[char] ?? char)
    .replace(TATWEEL, '')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(ZWNJ_RUN, ZWNJ)
    .replace(ZWNJ_LOOSE, '$1')
}

/** A search document's text fields: normalizePersian, kept null-safe for optional names. */
export function normalizeDocumentText<T extends string | null>(text: T): T {
  return (text === null ? null : normalizePersian(text)) as T
}

/**
 * What a shopper typed, the way it is sent to Meilisearch (full-text queries, suggestions,
 * facet-value search): normalizePersian, digits to ASCII and spaces collapsed.
 */
export function normalizeSearchQuery(query: string) {
  return foldDigits(normalizePersian(query)).replace(/\s+/g, ' ').trim()
}
