// Words mail apps print in message headers, by interface language: "From:", "To:", "Cc:" and what
// they write instead of the signed-in user's own name ("to me"). They are data, like selectors: a
// site's selectors.ts passes them to the structure-free strategies, and a future selector overlay
// can add a language without shipping code. Lower case; a trailing colon is optional when matched.
// Languages: en, de, fr, es, pt, it, nl, pl, sv, ru (plus da/no where they share a word).

export interface HeaderWords {
  from: readonly string[]
  to: readonly string[]
  cc: readonly string[]
}

export const HEADER_WORDS: HeaderWords = {
  // en from · de von · fr/es/pt de · it da · nl van · pl od · sv från · da/no fra · ru от
  from: ["from", "von", "de", "da", "van", "od", "från", "fra", "от"],
  // en to · de an · fr à · es/pt para · it a · nl aan · pl do · sv till · da/no til · ru кому
  to: ["to", "an", "à", "a", "para", "aan", "do", "till", "til", "кому"],
  // Cc/Bcc and their local names: de Kopie/Blindkopie · fr cci · es/pt cco · it ccn · pl dw/udw ·
  // sv kopia/hemlig kopia · ru копия/скрытая копия
  cc: ["cc", "bcc", "kopie", "blindkopie", "cci", "copie", "cco", "ccn", "dw", "udw", "kopia", "hemlig kopia", "копия", "скрытая копия"],
}

/** "me" in "to me, Ann": en, de (mich/ich), fr, es, pt, it, nl, pl, sv, ru, fi. Seen in Gmail headers 2014–2026. */
export const ME_WORDS: readonly string[] = ["me", "mich", "ich", "moi", "mí", "mi", "yo", "mim", "eu", "io", "mij", "mnie", "mig", "jag", "мне", "я", "minä"]

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const alternation = (words: readonly string[]) => words.map(escape).join("|")

/**
 * Compiles the words once per site. `line` reads an aria-label such as "Von: Ann <ann@x.example>"
 * (the word, then a colon); `label` reads a short text chunk that is only the word ("to", "Cc :").
 */
export function headerMatchers(words: HeaderWords) {
  const line = (list: readonly string[]) => new RegExp(`^\\s*(?:${alternation(list)})\\s*:`, "i")
  const only = (list: readonly string[]) => new RegExp(`^\\s*(?:${alternation(list)})\\s*:?\\s*$`, "i")
  return {
    line: { from: line(words.from), cc: line(words.cc), to: line(words.to) },
    label: { from: only(words.from), cc: only(words.cc), to: only(words.to) },
  }
}
export type HeaderMatchers = ReturnType<typeof headerMatchers>
