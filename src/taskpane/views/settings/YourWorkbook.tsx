import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer } from "react";
import { fieldsToMatch } from "../../../workbook/mapping/draft";
import { Workbook } from "../../../workbook/port";
import { NoticeBar } from "../../NoticeBar";
import { andList, draftPreview, initialMapping, mappingReducer, RoleStatus, unsavedMapping } from "../../state/mapping";
import { mappingController } from "../../state/mappingController";
import { useFirstRead } from "../useFirstRead";
import { MappingEditor } from "./MappingEditor";
import { roleTitle } from "./roleNames";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  text: { margin: 0, overflowWrap: "anywhere" },
  roles: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "8px" },
  role: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

/** What the workbook holds for one of the add-in's tables, in words. */
function statusText(status: RoleStatus): string {
  switch (status.state) {
    case "mapped":
      return status.present
        ? `Yours: ${status.source}.`
        : `Mapped to ${status.source}, which the workbook no longer has: map it again.`;
    case "own":
      return `The add-in's own ${status.role} table.`;
    case "missing":
      return "Not in the workbook yet.";
  }
}

/**
 * Settings › Your workbook: point the add-in at the council's own scoring sheet, price points, people and services,
 * then set up only what is still missing. Every view reads through the mapping saved here.
 */
export function YourWorkbook({
  workbook,
  onUnsavedChange,
}: {
  workbook: Workbook;
  onUnsavedChange: (work: readonly string[]) => void;
}) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(mappingReducer, initialMapping);
  const controller = useMemo(() => mappingController(workbook, dispatch), [workbook]);
  useFirstRead(controller, (current) => current.survey());
  const unsaved = unsavedMapping(state).join("\n");
  useEffect(() => onUnsavedChange(unsaved === "" ? [] : unsaved.split("\n")), [unsaved, onUnsavedChange]);
  const preview = useMemo(() => draftPreview(state), [state]);
  const { survey, draft, busy } = state;

  return (
    <section className={styles.section} aria-labelledby="settings-workbook-heading" aria-busy={busy !== null}>
      <h2 id="settings-workbook-heading" className={styles.subheading}>
        Your workbook
      </h2>
      <p className={styles.text}>
        {"Already have a scoring sheet, price points, a list of people or a services catalogue of your own? " +
          "Point the add-in at them: every view and sheet then uses them where they are, and nothing of yours is " +
          "renamed, moved or reformatted."}
      </p>
      {busy && <Spinner size="tiny" labelPosition="after" label={`${busy}…`} />}
      {survey && survey.problems.length > 0 && (
        <NoticeBar
          notice={{ intent: "warning", title: "Some of the mapping cannot be used", text: "", items: survey.problems }}
        />
      )}
      {survey && (
        <ul className={styles.roles} aria-label="The add-in's tables">
          {survey.roles.map((status) => (
            <li key={status.role} className={styles.role}>
              <span className={styles.name}>{roleTitle(status.role)}</span>
              <span className={styles.status}>{statusText(status)}</span>
              {draft?.role !== status.role && (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    disabled={busy !== null || draft !== null}
                    onClick={() => void controller.edit(state, status.role)}
                  >
                    {status.state === "mapped" ? `Change ${status.role}` : `Map ${status.role}`}
                  </Button>
                  {status.state === "mapped" && (
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy !== null || draft !== null}
                      onClick={() => void controller.unmap(state, status.role)}
                    >
                      {`Stop mapping ${status.role}`}
                    </Button>
                  )}
                </div>
              )}
              {draft?.role === status.role && (
                <MappingEditor
                  draft={draft}
                  tables={survey.tables}
                  fields={fieldsToMatch(draft.role, survey.context)}
                  preview={preview}
                  busy={busy !== null}
                  dispatch={dispatch}
                  onChooseTable={(table) => void controller.chooseTable(state, table)}
                  onReadRange={() => void controller.readRange(state)}
                  onSave={() => void controller.save(state)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {state.message && <NoticeBar notice={state.message} />}
      {survey && survey.toSetUp.length > 0 && !draft && (
        <>
          <p className={styles.text}>
            {`Still missing: ${andList(survey.toSetUp)}. Set up adds the add-in's own, each on a sheet of its own; ` +
              "map yours first if you have them."}
          </p>
          <div>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void controller.setUp()}>
              Set up what is missing
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
