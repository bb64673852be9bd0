import {
  ComboboxProps,
  Field,
  makeStyles,
  Option,
  renderCombobox_unstable,
  useCombobox_unstable,
  useComboboxContextValues,
  useComboboxStyles_unstable,
} from "@fluentui/react-components";
import { KeyboardEvent, useEffect, useMemo, useState } from "react";
import { matchingIndices, searchKey } from "../../state/search";

export interface Choice {
  readonly value: string;
  /** What the box shows once chosen, and what typing matches. */
  readonly text: string;
  /** What the list shows, when more than the text. */
  readonly detail?: string;
}

const useStyles = makeStyles({
  // Fluent's combobox asks for 250 px; a task pane may be 320 px wide in all.
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
});

/** How many choices the list shows at once: a council's 5,000 people are found by typing. */
const SHOWN = 50;

/**
 * Fluent's combobox, built from its hooks so the list can highlight the first match of what is typed. Fluent itself
 * highlights only an option whose text starts with what is typed ("P00…"), so typing part of a name ("Okafor")
 * left nothing highlighted and Enter did nothing; here Enter picks the first match, ↓ moves on from it.
 */
function FilteringCombobox({
  highlight,
  pickTyped,
  ...props
}: ComboboxProps & {
  readonly highlight: string | null;
  /**
   * Enter on text typed: picks what it should (true) when the option highlighted is not one of the typed text's
   * matches, else leaves the pick to Fluent (false).
   */
  readonly pickTyped: (typed: string, highlighted: string | undefined) => boolean;
}) {
  const state = useCombobox_unstable(props, null);
  const contextValues = useComboboxContextValues(state);
  useComboboxStyles_unstable(state);
  const { open, activeDescendantController } = state;
  // Once the list shows the matches for what was typed, the first is highlighted.
  useEffect(() => {
    if (open && highlight !== null) activeDescendantController.first();
  }, [open, highlight, activeDescendantController]);
  // Keys typed faster than the list follows reach Enter while the highlight is still an earlier text's match, or
  // an option no longer shown: Fluent would pick that, or nothing, so Enter on typed text is decided here first.
  const fluentKeyDown = state.input.onKeyDown;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const active = activeDescendantController.active();
    const highlighted = active ? state.getOptionById(active)?.value : undefined;
    if (event.key === "Enter" && pickTyped(event.currentTarget.value, highlighted)) {
      event.preventDefault();
      state.setOpen(event, false);
      return;
    }
    fluentKeyDown?.(event);
  };
  return renderCombobox_unstable({ ...state, input: { ...state.input, onKeyDown } }, contextValues);
}

/**
 * A combobox over a long list: typing narrows it (every word typed, anywhere in the text, ignoring case, accents
 * and the style of apostrophe), the list shows the first matches, and picking picks what is highlighted. Typing
 * after an earlier pick searches again from what is typed.
 */
export function SearchCombobox({
  id,
  label,
  placeholder,
  choices,
  selected,
  onSelect,
  className,
  validationMessage,
  hint,
}: {
  id: string;
  label: string;
  placeholder: string;
  choices: readonly Choice[];
  selected: string | null;
  onSelect: (value: string) => void;
  className?: string;
  validationMessage?: string | null;
  hint?: string;
}) {
  const styles = useStyles();
  // What is typed while choosing; null shows the choice made.
  const [query, setQuery] = useState<string | null>(null);
  const chosen = choices.find((choice) => choice.value === selected);
  const keys = useMemo(() => choices.map((choice) => searchKey(choice.detail ?? choice.text)), [choices]);
  const matches = useMemo(
    () => matchingIndices(keys, query ?? "").map((index) => choices[index]),
    [keys, choices, query],
  );
  const more = matches.length - SHOWN;
  const typed = query !== null && query.trim() !== "" && matches.length > 0;
  return (
    <Field
      label={label}
      className={className}
      hint={hint}
      validationMessage={validationMessage}
      validationState={validationMessage ? "error" : "none"}
    >
      <FilteringCombobox
        id={id}
        className={styles.control}
        placeholder={placeholder}
        value={query ?? chosen?.text ?? ""}
        selectedOptions={chosen ? [chosen.value] : []}
        highlight={typed ? query : null}
        onChange={(event) => setQuery(event.target.value)}
        pickTyped={(typed, highlighted) => {
          // Not typing (the box shows the choice made), or nothing typed: Fluent's Enter.
          if (typed.trim() === "" || typed === chosen?.text) return false;
          const found = matchingIndices(keys, typed).map((index) => choices[index].value);
          if (highlighted !== undefined && found.includes(highlighted)) return false;
          if (found.length === 0) return false;
          setQuery(null);
          onSelect(found[0]);
          return true;
        }}
        onOptionSelect={(_, data) => {
          // Fluent "selects" nothing as the text typed stops matching the choice made: that is typing, not a pick.
          if (!data.optionValue) return;
          setQuery(null);
          onSelect(data.optionValue);
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {matches.slice(0, SHOWN).map((choice) => (
          <Option key={choice.value} value={choice.value} text={choice.text}>
            {choice.detail ?? choice.text}
          </Option>
        ))}
        {matches.length === 0 && (
          <Option key="-none" value="" text="" disabled>
            No match: try fewer letters
          </Option>
        )}
        {more > 0 && (
          <Option key="-more" value="" text="" disabled>
            {`${more.toLocaleString("en-GB")} more: type to narrow the list`}
          </Option>
        )}
      </FilteringCombobox>
    </Field>
  );
}
