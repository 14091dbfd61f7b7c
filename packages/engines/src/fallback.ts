/**
 * The input cannot be counted by this SQL engine in a way that is sure to
 * match the JavaScript engine (standard input, a JSON document, a file the
 * engine's reader cannot parse). The message says why, in plain words; the
 * caller checks with the JavaScript engine instead.
 */
export class EngineFallback extends Error {
  override name = 'EngineFallback';
}
