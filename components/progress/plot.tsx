"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PlotKind, PlotProps } from "./plots";

type PlotsModule = typeof import("./plots");

type Loading = Promise<PlotsModule> & { status?: "pending" | "fulfilled" | "rejected"; value?: PlotsModule };

let loading: Loading | undefined;
const listeners = new Set<() => void>();

/**
 * Loads Recharts and the drawings (once; again after a failure, such as offline). Until then the
 * charts on screen are the server's SVG: nothing in the browser runs Recharts.
 */
export function loadPlots(): Promise<PlotsModule> {
  if (!loading) {
    const promise: Loading = import("./plots");
    promise.status = "pending";
    promise.then(
      (module) => {
        promise.status = "fulfilled";
        promise.value = module;
        for (const listener of listeners) listener();
      },
      () => {
        promise.status = "rejected";
        loading = undefined;
      },
    );
    loading = promise;
  }
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const loadedPlots = () => (loading?.status === "fulfilled" ? loading.value : undefined);
const nothingOnServer = () => undefined;

// Drawings wait their turn, one per task: a page of charts never holds the main thread for all of
// them at once (each Recharts chart costs a few hundred milliseconds on a mid-range phone).
const turns: (() => void)[] = [];
let turning = false;
function nextTurn() {
  const draw = turns.shift();
  if (!draw) {
    turning = false;
    return;
  }
  draw();
  setTimeout(nextTurn, 0);
}
function awaitTurn(draw: () => void): () => void {
  turns.push(draw);
  if (!turning) {
    turning = true;
    setTimeout(nextTurn, 0);
  }
  return () => {
    const index = turns.indexOf(draw);
    if (index >= 0) turns.splice(index, 1);
  };
}

type PlotFrameProps<K extends PlotKind> = {
  kind: K;
  /** The drawing's props but its width (the box's own, measured in the browser). */
  props: Omit<PlotProps<K>, "width">;
};

/**
 * A chart's drawing, in a box of its final height (nothing moves when it appears). Recharts 3
 * draws nothing on the server (recharts/recharts#5997), so the browser draws it: Recharts loads
 * (a chunk of its own) when the first chart comes near the screen, and each chart is drawn when
 * near the screen, one per task. docs/performance.md, "Chart pages", has the figures.
 */
export function Plot<K extends PlotKind>({ kind, props }: PlotFrameProps<K>) {
  const height = (props as { height: number }).height;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  const [near, setNear] = useState(false);
  const [turn, setTurn] = useState(false);
  const plots = useSyncExternalStore(subscribe, loadedPlots, nothingOnServer);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Both observers report after layout: reading their sizes forces none.
    const resize =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(([entry]) => {
            if (entry) setWidth(Math.round(entry.contentRect.width));
          });
    resize?.observe(element);
    const intersection =
      typeof IntersectionObserver === "undefined"
        ? undefined
        : new IntersectionObserver(
            (entries) => {
              if (entries.some((entry) => entry.isIntersecting)) {
                setNear(true);
                intersection?.disconnect();
              }
            },
            { rootMargin: "200px 0px" },
          );
    intersection?.observe(element);
    if (!intersection) setNear(true);
    return () => {
      resize?.disconnect();
      intersection?.disconnect();
    };
  }, []);

  useEffect(() => {
    if (near) void loadPlots().catch(() => undefined);
  }, [near]);

  useEffect(() => {
    if (near && plots && !turn) return awaitTurn(() => setTurn(true));
  }, [near, plots, turn]);

  const Drawing =
    turn && width ? (plots?.plots[kind] as (props: PlotProps<K>) => React.ReactNode) : undefined;
  return (
    <div ref={box} style={{ height }} data-plot={kind} data-drawn={Drawing ? "yes" : "no"}>
      {Drawing ? <Drawing {...({ ...props, width } as PlotProps<K>)} /> : null}
    </div>
  );
}
