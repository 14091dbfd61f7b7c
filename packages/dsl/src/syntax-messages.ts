import type { IParserErrorMessageProvider, TokenType } from 'chevrotain';

/** Error "messages" that carry the expected token names as JSON; syntax-messages turns them into words. */
export const structuredErrorProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => JSON.stringify({ expected: [expected.name] }),
  buildNotAllInputParsedMessage: () => JSON.stringify({ expected: ['EOF'] }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    JSON.stringify({ expected: firstNames(expectedPathsPerAlt.flat()) }),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => JSON.stringify({ expected: firstNames(expectedIterationPaths) }),
};

function firstNames(paths: TokenType[][]): string[] {
  return [...new Set(paths.map((p) => p[0]?.name).filter((n): n is string => !!n))];
}
