import { Combobox, Field, makeStyles, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";

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

/** A combobox over a long list: typing narrows it (any part of the text), the list shows the first matches. */
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
  const matches = useMemo(() => {
    const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    return choices.filter((choice) => {
      const text = (choice.detail ?? choice.text).toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [choices, query]);
  const more = matches.length - SHOWN;
  return (
    <Field
      label={label}
      className={className}
      hint={hint}
      validationMessage={validationMessage}
      validationState={validationMessage ? "error" : "none"}
    >
      <Combobox
        id={id}
        className={styles.control}
        placeholder={placeholder}
        value={query ?? chosen?.text ?? ""}
        selectedOptions={chosen ? [chosen.value] : []}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          setQuery(null);
          if (data.optionValue) onSelect(data.optionValue);
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
      </Combobox>
    </Field>
  );
}
