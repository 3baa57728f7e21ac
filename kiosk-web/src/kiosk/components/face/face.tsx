/** A smiley face drawn in SVG, one per score, so it looks the same on every tablet with or without emoji fonts. */
import styles from "./face.module.css";

const FILL: Record<number, string> = { 1: "#e5484d", 2: "#f5853f", 3: "#f7c843", 4: "#8fc750", 5: "#2e9e6a" };
const EDGE: Record<number, string> = { 1: "#a8282c", 2: "#b95518", 3: "#b58a0e", 4: "#5c8f28", 5: "#1c6b45" };
/** Mouth curvature: negative frowns, positive smiles. */
const CURVE: Record<number, number> = { 1: -20, 2: -10, 3: 0, 4: 14 };

export function FaceIcon({ score }: { score: number }) {
  const ink = "#2a1f1a";
  return (
    <svg class={styles.icon} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="52.5" r="46" fill="#3c2814" opacity="0.14" />
      <circle cx="50" cy="50" r="46" fill={FILL[score]} stroke={EDGE[score]} stroke-width="3" />
      <ellipse cx="50" cy="30" rx="30" ry="14" fill="#fff" opacity="0.18" />
      <ellipse cx="35" cy="42" rx="5.5" ry="7.5" fill={ink} />
      <ellipse cx="65" cy="42" rx="5.5" ry="7.5" fill={ink} />
      {score === 1 && <path d="M25 30 L42 35 M75 30 L58 35" stroke={ink} stroke-width="4.5" stroke-linecap="round" />}
      {score === 5 ? (
        <path d="M28 60 Q50 90 72 60 Z" fill={ink} stroke={ink} stroke-width="4" stroke-linejoin="round" />
      ) : (
        <path
          d={`M32 ${68 - (CURVE[score] ?? 0) / 3} Q50 ${68 + (CURVE[score] ?? 0)} 68 ${68 - (CURVE[score] ?? 0) / 3}`}
          fill="none"
          stroke={ink}
          stroke-width="5.5"
          stroke-linecap="round"
        />
      )}
    </svg>
  );
}

interface FaceButtonProps {
  score: number;
  label: string;
  picked: boolean;
  dimmed: boolean;
  onPick: (score: number) => void;
}

/** A face as a button. The pick fires on pointerdown for an instant acknowledgement; keyboards use click. */
export function FaceButton({ score, label, picked, dimmed, onPick }: FaceButtonProps) {
  return (
    <button
      type="button"
      class={`${styles.face} ${picked ? styles.picked : ""} ${dimmed ? styles.dimmed : ""}`}
      data-score={score}
      aria-pressed={picked}
      onPointerDown={(e) => e.isPrimary && onPick(score)}
      onClick={(e) => e.detail === 0 && onPick(score)}
    >
      <FaceIcon score={score} />
      <span class={styles.label}>{label}</span>
    </button>
  );
}
