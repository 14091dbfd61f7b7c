// Minimal typings for nspell 2 (the package ships none).
declare module 'nspell' {
  namespace nspell {
    interface NSpell {
      correct(word: string): boolean;
      suggest(word: string): string[];
      spell(word: string): { correct: boolean; forbidden: boolean; warn: boolean };
      add(word: string, model?: string): NSpell;
      remove(word: string): NSpell;
      personal(dic: string): NSpell;
    }
  }
  function nspell(aff: string | Uint8Array, dic?: string | Uint8Array): nspell.NSpell;
  export = nspell;
}
