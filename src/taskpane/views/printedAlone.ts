// A page the pane draws into the body to be printed alone (the person's copy, the committee pack). Each print
// stylesheet hides every other child of the body, so each must spare all such pages, not just its own: Griffel's
// static styles stay in the document after their view closes, and a rule hiding "all but the copy" would otherwise
// hide the committee pack printed later.
export const PRINTED_ALONE = "pb-printed-alone";
