// Fluent UI's theme as CSS variables on :root, written into each page's HTML by the build. The pages' providers
// are then given no tokens of their own (src/taskpane/theme.ts): at start-up nothing builds the theme's ~460
// variables, hashes them or inserts them, work that took about a tenth of the pane's first render at 4× CPU
// slowdown. createCSSRuleFromTheme is Fluent's own, documented for applying a theme statically like this.
const { createCSSRuleFromTheme, webLightTheme } = require("@fluentui/react-components");

/** The page's theme rule: webLightTheme, Fluent's default for web apps, as the pane has always used. */
const themeCss = () => createCSSRuleFromTheme(":root", webLightTheme);

module.exports = { themeCss };
