import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** The dialog itself, downloaded the first time it is needed (UnsavedChangesDialog.tsx). */
export function UnsavedChangesSurface({
  open,
  work,
  then,
  onKeep,
  onDiscard,
}: {
  open: boolean;
  work: readonly string[];
  then: string;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Unsaved changes</DialogTitle>
          <DialogContent>
            {`You have not saved ${work.join(" or ")}. Keep editing, or discard ${
              work.length > 1 ? "them" : "it"
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
