// The committee pack as a page the browser prints (to paper or PDF): the proposal shown, its summary, the cap and its
// cost, the proposals side by side, the two charts, the largest losses and gains, the fit against Agreed plans and
// the plans whose light would change. It is drawn into the page's body, outside the pane, and shown only in print
// (the stylesheet below): printing the pane prints this instead of the pane. Every figure is the engine's, the
// What-if sheet's rules.
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import {
  capText,
  changeDistribution,
  Decimal,
  formatDate,
  formatPounds,
  LossCap,
  rasCurves,
  RasFit,
  RepricingTotals,
} from "../../../engine";
import { PEOPLE, PRICE_POINTS } from "../../../workbook/schema/tables";
import { NamedChange, Scenario, ScenarioBook } from "../../../workbook/reports/scenarioBook";
import { CurvesChart, DistributionChart } from "./PackCharts";
import { PRINTED_ALONE } from "../printedAlone";
import { changeText } from "./RepricingSummary";

/** The element the pack is drawn into, a child of the page's body. */
export const PACK_ID = "committee-pack";

// Print: only the pack, on A4; on screen the pack is not shown (the pane says what it holds).
const PRINT_STYLES = `
@page { size: A4 portrait; margin: 14mm 14mm 16mm; }
@media screen { #${PACK_ID} { display: none !important; } }
@media print {
  body > :not(.${PRINTED_ALONE}) { display: none !important; }
  html, body { background: #fff !important; margin: 0 !important; }
  #${PACK_ID} { display: block; color: #000; font: 10pt/1.35 "Segoe UI", system-ui, sans-serif; }
  #${PACK_ID} h1 { font-size: 16pt; margin: 0 0 4pt; }
  #${PACK_ID} h2 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
  #${PACK_ID} p { margin: 0 0 4pt; }
  #${PACK_ID} section { break-inside: avoid; }
  #${PACK_ID} .pack-page { break-before: page; }
  #${PACK_ID} table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  #${PACK_ID} th, #${PACK_ID} td { border-bottom: 0.5pt solid #8a8a8a; padding: 2pt 4pt; text-align: right; }
  #${PACK_ID} thead th { border-bottom: 1pt solid #000; }
  #${PACK_ID} .pack-left { text-align: left; }
  #${PACK_ID} .pack-total th, #${PACK_ID} .pack-total td { font-weight: 600; }
  #${PACK_ID} figure { margin: 0 0 8pt; }
  #${PACK_ID} svg { width: 100%; height: auto; font-size: 11px; fill: #000; }
  #${PACK_ID} .pack-legend { list-style: none; margin: 2pt 0 0; padding: 0; columns: 2; }
  #${PACK_ID} .pack-swatch { display: inline-block; width: 18pt; margin-right: 4pt; border-top: 2pt solid; }
  #${PACK_ID} .pack-note { color: #424242; font-size: 9pt; }
}`;

const pounds = (amount: number) => formatPounds(new Decimal(amount));
const ratio = (value: number | null) => (value === null ? "–" : new Decimal(value).toFixed(4));
const share = (value: number | null) => (value === null ? "–" : `${new Decimal(value).times(100).toFixed(1)}%`);

function SummaryRow({ totals, total }: { totals: RepricingTotals; total?: boolean }) {
  return (
    <tr className={total ? "pack-total" : undefined}>
      <th scope="row" className="pack-left">
        {total ? "All care groups" : totals.careGroup}
      </th>
      <td>{totals.people}</td>
      <td>{pounds(totals.current)}</td>
      <td>{pounds(totals.proposed)}</td>
      <td>{changeText(totals)}</td>
      <td>{totals.betterOff}</td>
      <td>{totals.worseOff}</td>
    </tr>
  );
}

function Ranked({ title, people }: { title: string; people: readonly NamedChange[] }) {
  return (
    <section>
      <h2>{title}</h2>
      {people.length === 0 ? (
        <p>Nobody.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" className="pack-left">
                Person
              </th>
              <th scope="col" className="pack-left">
                Name
              </th>
              <th scope="col">Change a year</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.personId}>
                <td className="pack-left">{person.personId}</td>
                <td className="pack-left">{person.name}</td>
                <td>{`${person.change > 0 ? "+" : ""}${pounds(person.change)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FitTable({ now, proposed }: { now: RasFit; proposed: RasFit }) {
  const rows = [...now.byCareGroup.map((row) => row.careGroup), "All"];
  const find = (fit: RasFit, careGroup: string) =>
    careGroup === "All" ? fit.all : fit.byCareGroup.find((row) => row.careGroup === careGroup);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col" className="pack-left">
            Care group
          </th>
          <th scope="col">Plans</th>
          <th scope="col">R² now</th>
          <th scope="col">R² proposed</th>
          <th scope="col">Typical error now</th>
          <th scope="col">proposed</th>
          <th scope="col">Within 10% now</th>
          <th scope="col">proposed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((careGroup) => {
          const [a, b] = [find(now, careGroup), find(proposed, careGroup)];
          const error = (value: number | null | undefined) => (value == null ? "–" : pounds(value));
          return (
            <tr key={careGroup} className={careGroup === "All" ? "pack-total" : undefined}>
              <th scope="row" className="pack-left">
                {careGroup === "All" ? "All care groups" : careGroup}
              </th>
              <td>{a?.people ?? 0}</td>
              <td>{ratio(a?.rSquared ?? null)}</td>
              <td>{ratio(b?.rSquared ?? null)}</td>
              <td>{error(a?.meanAbsoluteError)}</td>
              <td>{error(b?.meanAbsoluteError)}</td>
              <td>{share(a?.within10 ?? null)}</td>
              <td>{share(b?.within10 ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface CommitteePackProps {
  readonly book: ScenarioBook;
  /** The proposal shown, measured. */
  readonly scenario: Scenario;
  /** Every proposal in the workbook, measured alike (side by side when more than one). */
  readonly scenarios: readonly Scenario[];
  readonly cap: LossCap | null;
  readonly currentFit: RasFit | null;
  /** The day it is as at (ISO). */
  readonly asAt: string;
}

/** The pack's content: what prints. */
export function CommitteePackContent({ book, scenario, scenarios, cap, currentFit, asAt }: CommitteePackProps) {
  const { repricing, notPriced } = scenario.summary;
  const distribution = changeDistribution(repricing);
  const highest = Math.max(
    0,
    ...book.whatIf.cohort.flatMap((person) => (typeof person.points === "number" ? [person.points] : [])),
  );
  const proposedTable = scenario.proposal.read?.table;
  const curves = proposedTable ? rasCurves(book.whatIf.current.table, proposedTable, highest) : null;
  const { protection, lights } = scenario;
  return (
    <article aria-label="Committee pack">
      <h1>{`Committee pack: ${scenario.label}`}</h1>
      <p>
        {`The price points proposed in ${scenario.proposal.table} against the current ones (${PRICE_POINTS.name}), ` +
          `for everyone in ${PEOPLE.name}: annual indicative budgets, as at ${asAt ? formatDate(asAt) : "today"}.`}
      </p>
      {notPriced.length > 0 && (
        <p className="pack-note">
          {`${notPriced.length} ${notPriced.length === 1 ? "person" : "people"} cannot be priced and no figure ` +
            `counts them: ${notPriced.map((person) => `${person.personId} (${person.why})`).join("; ")}.`}
        </p>
      )}
      <section>
        <h2>Summary by care group</h2>
        <table>
          <thead>
            <tr>
              <th scope="col" className="pack-left">
                Care group
              </th>
              <th scope="col">People</th>
              <th scope="col">Now</th>
              <th scope="col">Proposed</th>
              <th scope="col">Change</th>
              <th scope="col">Better off</th>
              <th scope="col">Worse off</th>
            </tr>
          </thead>
          <tbody>
            {repricing.byCareGroup.map((totals) => (
              <SummaryRow key={totals.careGroup} totals={totals} />
            ))}
            <SummaryRow totals={repricing.total} total />
          </tbody>
        </table>
      </section>
      <section>
        <h2>Transitional protection</h2>
        {protection && cap ? (
          <table>
            <tbody>
              <tr>
                <th scope="row" className="pack-left">
                  Cap on any one person&apos;s loss in the first year
                </th>
                <td>{capText(cap)}</td>
              </tr>
              <tr>
                <th scope="row" className="pack-left">
                  People protected
                </th>
                <td>{protection.people}</td>
              </tr>
              <tr>
                <th scope="row" className="pack-left">
                  Cost of the cap in the first year
                </th>
                <td>{pounds(protection.cost)}</td>
              </tr>
              <tr>
                <th scope="row" className="pack-left">
                  Change on budgets now, first year
                </th>
                <td>{`${protection.firstYearChange > 0 ? "+" : ""}${pounds(protection.firstYearChange)}`}</td>
              </tr>
            </tbody>
          </table>
        ) : (
          <p>No cap: everyone&apos;s first year is as proposed.</p>
        )}
      </section>
      {scenarios.length > 1 && (
        <section>
          <h2>The proposals side by side</h2>
          <table>
            <thead>
              <tr>
                <th scope="col" className="pack-left">
                  Proposal
                </th>
                <th scope="col">Change</th>
                <th scope="col">Better off</th>
                <th scope="col">Worse off</th>
                <th scope="col">Largest loss</th>
                {cap && <th scope="col">Cost of the cap</th>}
              </tr>
            </thead>
            <tbody>
              {scenarios.map((each) => (
                <tr key={each.proposal.table}>
                  <th scope="row" className="pack-left">
                    {each.label}
                  </th>
                  <td>{changeText(each.summary.repricing.total)}</td>
                  <td>{each.summary.repricing.total.betterOff}</td>
                  <td>{each.summary.repricing.total.worseOff}</td>
                  <td>{each.losses.length === 0 ? "None" : pounds(each.losses[0].change)}</td>
                  {cap && <td>{pounds(each.protection?.cost ?? 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="pack-page">
        <h2>The RAS curves, current and proposed</h2>
        {curves ? (
          <CurvesChart points={curves.points} curves={curves.curves} />
        ) : (
          <p>The price points are in categories, not points bands: there is no curve.</p>
        )}
        <h2>People by change in annual budget</h2>
        <DistributionChart bands={distribution.bands} />
      </section>
      <div className="pack-page">
        <Ranked title="Ten largest losses" people={scenario.losses} />
        <Ranked title="Ten largest gains" people={scenario.gains} />
      </div>
      <section className="pack-page">
        <h2>How well the price points fit what Agreed plans cost</h2>
        {currentFit && scenario.fit && currentFit.all.people > 0 ? (
          <>
            <p className="pack-note">
              R² is 1 for a perfect fit; the typical error is the mean of |plan cost − indicative budget|; within 10% is
              the share of plans the tolerance lights Green.
            </p>
            <FitTable now={currentFit} proposed={scenario.fit} />
          </>
        ) : (
          <p>No Agreed plan can be used as evidence yet.</p>
        )}
        <h2>Agreed plans whose light would change</h2>
        {lights === null || lights.problem !== null ? (
          <p>{lights?.problem ?? `Not checked: ${book.plansProblem ?? "the workbook has no Agreed plans"}`}</p>
        ) : lights.changed.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {lights.changed.map((plan) => (
              <li key={plan.planId}>
                {`${plan.planId} (${plan.personId} ${plan.name}): ${plan.lightNow} → ${plan.lightProposed}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** The pack, drawn into an element of the page's body of its own, with its print stylesheet. */
export function CommitteePack(props: CommitteePackProps) {
  const [host] = useState(() => {
    const element = document.createElement("div");
    element.id = PACK_ID;
    element.className = PRINTED_ALONE;
    return element;
  });
  useEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);
  return createPortal(
    <>
      <style>{PRINT_STYLES}</style>
      <CommitteePackContent {...props} />
    </>,
    host,
  );
}
