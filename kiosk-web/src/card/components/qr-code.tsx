/**
 * A QR code drawn as one SVG path. The encoder (lean-qr, about 3.5 KB gzipped: the smallest maintained
 * generator we found, no dependencies) is loaded when a QR code is first shown.
 */
import { useEffect, useState } from "preact/hooks";

interface Props {
  text: string;
  label: string;
  class?: string;
}

type Matrix = { size: number; get(x: number, y: number): boolean };

let encoder: Promise<(text: string) => Matrix> | undefined;

/** The modules of a QR code as an SVG path, 4 modules of quiet zone around. */
export function pathOf(m: Matrix): string {
  let d = "";
  for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  return d;
}

export function QrCode({ text, label, class: cls }: Props) {
  const [drawn, setDrawn] = useState<{ text: string; size: number; d: string }>();
  useEffect(() => {
    let stale = false;
    encoder ??= import("lean-qr").then((m) => (t: string) => m.generate(t));
    void encoder.then((generate) => {
      if (stale) return;
      const matrix = generate(text);
      setDrawn({ text, size: matrix.size + 8, d: pathOf(matrix) });
    });
    return () => {
      stale = true;
    };
  }, [text]);
  if (!drawn) return <div class={cls} role="img" aria-label={label} aria-busy="true" />;
  return (
    <svg
      class={cls}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.d} fill="#000" />
    </svg>
  );
}
