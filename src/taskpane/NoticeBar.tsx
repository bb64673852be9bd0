import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { MouseEvent, ReactNode } from "react";
import { Notice, NoticeItem } from "./state/planEditor";

const useStyles = makeStyles({
  // Read by screen readers (the bar is announced as its text), not shown: the stop after the title.
  unseen: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  link: { color: tokens.colorBrandForegroundLink, ":hover": { color: tokens.colorBrandForegroundLinkHover } },
});

/** The title as the start of a sentence: its stop, unseen, when it has none, so "Not saved. Fix these first:". */
const stop = (title: string) => (/[.:!?]$/.test(title) ? " " : ". ");

/** A list item: text, or a link that moves focus to the field it is about. */
function Item({ item, className }: { item: NoticeItem; className: string }) {
  if (typeof item === "string") return <>{item}</>;
  const go = (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(item.focus)?.focus();
  };
  return (
    <a href={`#${item.focus}`} className={className} onClick={go}>
      {item.text}
    </a>
  );
}

/**
 * A notice as a Fluent message bar: always with a title (the bar is labelled by it), announced through the
 * page's AriaLiveAnnouncer when it appears or says something new — politely, unless it is an error — as
 * sentences: the title, then the text, then each item.
 */
export function NoticeBar({ notice, actions }: { notice: Notice; actions?: ReactNode }) {
  const styles = useStyles();
  const itemText = (item: NoticeItem) => (typeof item === "string" ? item : item.text);
  // A new message is a new bar: Fluent's message bar announces what it says once, when it appears.
  const key = [notice.title, notice.text, ...(notice.items ?? []).map(itemText)].join("\n");
  return (
    <MessageBar
      key={key}
      intent={notice.intent}
      politeness={notice.intent === "error" ? "assertive" : "polite"}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        <span className={styles.unseen}>{stop(notice.title)}</span>
        {notice.text && <span>{notice.text}</span>}
        {notice.items && (
          <ul>
            {notice.items.map((item) => (
              <li key={itemText(item)}>
                <span className={styles.unseen}> </span>
                <Item item={item} className={styles.link} />
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {actions}
    </MessageBar>
  );
}
