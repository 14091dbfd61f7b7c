/**
 * @sellguard/tui: the analyst's terminal UI. `runTui(options)` opens it on a
 * policy and its inputs and resolves with an exit code when the analyst quits.
 */
export { runTui, type TuiOptions } from './run.js';
export { App, type AppProps } from './App.js';
export { Session, fixedStore, type SessionState, type SessionStore, type SessionOptions } from './session.js';
export { startCheck, type CheckRun, type LoaderOptions } from './loader.js';
export { reduce, initialState, type UiState, type Action, type View } from './state.js';
export { keyToAction } from './keys.js';
export { ThemeContext, colorWanted } from './theme.js';
