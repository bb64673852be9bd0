import { PartialTheme } from "@fluentui/react-components";

/**
 * The tokens each page's FluentProvider adds: none. Every page carries webLightTheme's variables on :root in its
 * HTML (scripts/theme.js), so the provider writes an empty rule instead of building and inserting the whole theme
 * at start-up. Not undefined: Fluent warns (in development) about a provider with no theme at all.
 */
export const PAGE_THEME: PartialTheme = {};
