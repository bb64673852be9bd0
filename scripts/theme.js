// Fluent UI's theme as CSS variables on :root, written into each page's HTML by the build. The pages' providers
// are then given no tokens of their own (src/taskpane/theme.ts): at start-up nothing builds the theme's ~460
// variables, hashes them or inserts them, work that took about a tenth of the pane's first render at 4× CPU
// slowdown. createCSSRuleFromTheme is Fluent's own, documented for applying a theme statically like this.
let rule;

/** The page's theme rule: webLightTheme, Fluent's default for web apps, as the pane has always used. */
function themeCss() {
  // Fluent is loaded here, once, not when the config is: tests read webpack.config.js for its metadata settings
  // alone, and loading all of Fluent in Node takes seconds.
  if (rule === undefined) {
    const { createCSSRuleFromTheme, webLightTheme } = require("@fluentui/react-components");
    rule = createCSSRuleFromTheme(":root", webLightTheme);
  }
  return rule;
}

module.exports = { themeCss };
