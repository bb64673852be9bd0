import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ReactNode } from "react";
import { Notice } from "./state/planEditor";

/**
 * A notice as a Fluent message bar: always with a title (the bar is labelled by it), announced through the
 * page's AriaLiveAnnouncer when it appears — politely, unless it is an error.
 */
export function NoticeBar({ notice, actions }: { notice: Notice; actions?: ReactNode }) {
  return (
    <MessageBar
      intent={notice.intent}
      politeness={notice.intent === "error" ? "assertive" : "polite"}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text && <span>{notice.text}</span>}
        {notice.items && (
          <ul>
            {notice.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {actions}
    </MessageBar>
  );
}
