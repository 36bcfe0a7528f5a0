"use client";

import { type PointerEvent, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { type Drawing, type Hit, type PlotKind, type PlotProps, plots } from "./plots";

/**
 * The widths a chart is drawn at, each shown while its box is in the width range that follows it
 * (container queries, so the server's HTML fits any screen before a script runs). Inside a range
 * the drawing scales with its box, by 0.85 to 1.2, so its 12 px labels stay between 10 and 14 px.
 */
const designs = [
  { width: 320, show: "block @min-[380px]:hidden" },
  { width: 440, show: "hidden @min-[380px]:block @min-[540px]:hidden" },
  { width: 640, show: "hidden @min-[540px]:block @min-[800px]:hidden" },
  { width: 960, show: "hidden @min-[800px]:block" },
] as const;

const neverChanges = () => () => {};
const notHydrating = () => false;
const hydratingOrServer = () => true;

type PlotFrameProps<K extends PlotKind> = {
  kind: K;
  /** The drawing's props but its width (the drawings take the widths above). */
  props: Omit<PlotProps<K>, "width">;
};

type Shown = { hit: Hit; left: number; top: number; along: Drawing["along"]; mark: number };

/**
 * A chart's drawing: plain SVG, drawn on the server for the first period and in the browser for
 * another, with no chart library and no measuring of the page (components/progress/plots.tsx). A
 * pointer over the chart (a mouse, or a finger on a touch screen) shows the values nearest to it;
 * the table under "Show table" has every value for keyboard and screen-reader users.
 */
export function Plot<K extends PlotKind>({ kind, props }: PlotFrameProps<K>) {
  const draw = plots[kind] as (props: PlotProps<K>) => Drawing;
  const drawAll = () =>
    designs.map((design) => ({
      ...design,
      drawing: draw({ ...props, width: design.width } as PlotProps<K>),
    }));
  const [shown, setShown] = useState<Shown>();
  /** The server's drawings, drawn again in the browser only for their tooltip positions, on first use. */
  const keptDrawings = useRef<ReturnType<typeof drawAll>>(undefined);

  // The drawings in the server's HTML are kept as they are: hydrating them would cost React a
  // fiber per SVG element (about 2,000 on /progress) for HTML that is already right. React leaves
  // the inside of an element with `dangerouslySetInnerHTML` alone while hydrating, so the drawings'
  // box is hydrated that way, and drawn by React only once its numbers change (another period), or
  // when it was not hydrated from the server's HTML (a client-side navigation, or a page React had
  // to render again after a hydration error: then the box is empty, and the layout effect draws).
  const hydrating = useSyncExternalStore(neverChanges, notHydrating, hydratingOrServer);
  const [fromServer] = useState(hydrating && typeof window !== "undefined");
  const [serverProps] = useState(() => JSON.stringify(props));
  const kept = useRef<HTMLDivElement>(null);
  const [redraw, setRedraw] = useState(!fromServer);
  const keep = !redraw && JSON.stringify(props) === serverProps;
  // Drawn by React (the server's, or another period's); the kept ones are not drawn again here.
  const drawings = keep ? undefined : drawAll();
  useLayoutEffect(() => {
    if (!keep) setRedraw(true);
    else if (kept.current && kept.current.childElementCount === 0) setRedraw(true);
  }, [keep]);

  function point(event: PointerEvent<HTMLDivElement>) {
    const frame = (event.target as Element).closest?.("[data-design]");
    const svg = frame?.querySelector("svg");
    const box = event.currentTarget.getBoundingClientRect();
    if (keep) keptDrawings.current ??= drawAll();
    const design = (drawings ?? keptDrawings.current)?.find(
      ({ width }) => String(width) === frame?.getAttribute("data-design"),
    );
    if (!svg || !design || design.drawing.hits.length === 0) return setShown(undefined);
    const rect = svg.getBoundingClientRect();
    const scale = rect.width / design.width;
    const { along, hits } = design.drawing;
    const at = along === "x" ? (event.clientX - rect.left) / scale : (event.clientY - rect.top) / scale;
    const hit = hits.reduce((best, next) => (Math.abs(next.at - at) < Math.abs(best.at - at) ? next : best));
    // The tooltip (at most 16rem wide) is centred on the point but kept inside the chart's box.
    const half = Math.min(128, box.width / 2);
    const x = along === "x" ? rect.left - box.left + hit.at * scale : event.clientX - box.left;
    const left = Math.min(Math.max(x, half), box.width - half);
    const top = along === "y" ? rect.top - box.top + hit.at * scale : event.clientY - box.top;
    setShown({ hit, left, top, along, mark: x });
  }

  return (
    // The tooltip repeats what the table and the summary say, so it is for the pointer only.
    <div
      className="@container relative"
      data-plot={kind}
      onPointerMove={point}
      onPointerDown={point}
      onPointerLeave={() => setShown(undefined)}
    >
      {keep ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: an empty string, never content: it keeps the server's drawings un-hydrated (above).
        <div key="server" ref={kept} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />
      ) : (
        <div key="drawn">
          {drawings?.map(({ width, show, drawing }) => (
            <div key={width} className={show} data-design={width}>
              {drawing.svg}
            </div>
          ))}
        </div>
      )}
      {shown && shown.hit.items.length > 0 ? (
        <>
          {/* A line through the date the tooltip is about. */}
          {shown.along === "x" ? (
            <div
              aria-hidden="true"
              className="pointer-events-none absolute top-0 bottom-8 w-px bg-slate-500/60"
              style={{ left: shown.mark }}
            />
          ) : null}
          <Tooltip shown={shown} />
        </>
      ) : null}
    </div>
  );
}

function Tooltip({ shown }: { shown: Shown }) {
  const { hit, left, top, along } = shown;
  return (
    <div
      aria-hidden="true"
      data-tooltip=""
      className="pointer-events-none absolute z-10 w-max max-w-[16rem] rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow-md"
      style={{
        left,
        top,
        transform:
          along === "x" ? "translate(-50%, calc(-100% - 12px))" : "translate(-50%, calc(-100% - 16px))",
      }}
    >
      <p className="font-semibold">{hit.heading}</p>
      <ul>
        {hit.items.map((item) => (
          <li key={item.name} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block size-2.5 rounded-sm"
              style={{ background: item.colour }}
            />
            <span>
              {item.name}: <span className="tabular-nums">{item.value}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
