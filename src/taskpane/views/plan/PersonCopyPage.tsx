import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
// From Griffel itself (Fluent's own styling engine, bundled with it): its build-time transform gives the static rules'
// runtime from the package they are imported from, which @fluentui/react-components does not re-export.
import { makeStaticStyles } from "@griffel/react";
import { createPortal } from "react-dom";
import { PersonCopy } from "../../../workbook/reports/personCopy";
import { PRINTED_ALONE } from "../printedAlone";

/**
 * Printing shows the copy alone: the page's own parts are left out, and the copy's print version (a child of the
 * body, hidden on screen) is shown, on A4.
 */
const usePrintStyles = makeStaticStyles(`
@media screen { .pb-print-copy { display: none; } }
@media print {
  body > :not(.${PRINTED_ALONE}) { display: none !important; }
  .pb-print-copy { display: block; }
}
@page { size: A4; margin: 18mm; }
`);

const useStyles = makeStyles({
  page: {
    fontFamily: tokens.fontFamilyBase,
    color: "#000",
    backgroundColor: "#fff",
    fontSize: "12pt",
    lineHeight: 1.45,
    overflowWrap: "anywhere",
    "& h1, & h2, & h3, & h4, & h5": { margin: "0.9em 0 0.3em", lineHeight: 1.2 },
    "& p": { margin: "0.3em 0" },
  },
  /** Large print: 18 point, as RNIB's clear print guidance has it at least 16. */
  large: { fontSize: "18pt" },
  title: { fontSize: "1.6em" },
  heading: { fontSize: "1.2em" },
  services: { margin: 0, paddingLeft: "1.2em" },
  // A figure or a date is never broken inside a word: its column is at least as wide as its longest word.
  rows: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(min-content, 2fr)",
    columnGap: "1em",
  },
  pair: { display: "contents" },
  label: { margin: 0 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "normal" },
});

type Level = 1 | 2 | 3 | 4;

/** The person's copy as a page: its sections' headings one level below its title's. */
export function PersonCopyPage({
  copy,
  largePrint,
  level,
}: {
  copy: PersonCopy;
  largePrint: boolean;
  /** The title's heading level: 1 on its own page, lower inside the pane. */
  level: Level;
}) {
  const styles = useStyles();
  const Title = `h${level}` as const;
  const Heading = `h${level + 1}` as "h2";
  return (
    <article className={mergeClasses(styles.page, largePrint && styles.large)} data-large-print={largePrint}>
      <Title className={styles.title}>{copy.title}</Title>
      <p>{copy.subtitle}</p>
      {copy.sections.map((section) => (
        <section key={section.heading}>
          <Heading className={styles.heading}>{section.heading}</Heading>
          {section.services && (
            <ul className={styles.services}>
              {section.services.map((service, at) => (
                <li key={at}>
                  <strong>{service.service}</strong>
                  {`: ${service.howOften}, ${service.cost}. ${service.managed}.`}
                </li>
              ))}
            </ul>
          )}
          {section.rows && section.rows.length > 0 && (
            <dl className={styles.rows}>
              {section.rows.map(([label, value]) => (
                <div key={label} className={styles.pair}>
                  <dt className={styles.label}>{label}</dt>
                  <dd className={styles.value}>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {(section.paragraphs ?? []).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

/** The copy's print version, a child of the body: what the browser prints, or saves as PDF, alone. */
export function PrintedCopy({ copy, largePrint }: { copy: PersonCopy; largePrint: boolean }) {
  usePrintStyles();
  return createPortal(
    <div className={`pb-print-copy ${PRINTED_ALONE}`}>
      <PersonCopyPage copy={copy} largePrint={largePrint} level={1} />
    </div>,
    document.body,
  );
}
