import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** Asks before unsaved work is lost: keep editing (the default, and Escape), or discard it and go on. */
export function UnsavedChangesDialog({
  work,
  then,
  onKeep,
  onDiscard,
}: {
  /** What would be lost, e.g. "the changes to plan PLAN-0001 for Margaret Ellis"; the dialog is open when given. */
  work: readonly string[] | null;
  /** What discarding goes on to do, e.g. "open plan PLAN-0002". */
  then: string;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog open={work !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Unsaved changes</DialogTitle>
          <DialogContent>
            {`You have not saved ${(work ?? []).join(" or ")}. Keep editing, or discard ${
              (work ?? []).length > 1 ? "them" : "it"
            } and ${then}?`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              Keep editing
            </Button>
            <Button onClick={onDiscard}>Discard changes</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
