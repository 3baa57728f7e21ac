/**
 * Reads QR codes from the camera while a step needs it, and stops the camera when it is done: the browser's
 * BarcodeDetector where it has one (Chromium on Android, ChromeOS and macOS), else jsQR, a pure-JavaScript
 * decoder loaded only then (no WebAssembly, so the pages' CSP needs no 'wasm-unsafe-eval').
 */

type Decode = (frame: ImageData) => string | undefined;

interface Detector {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}

declare global {
  interface Window {
    BarcodeDetector?: {
      new (options: { formats: string[] }): Detector;
      getSupportedFormats(): Promise<string[]>;
    };
  }
}

/** Frames looked at per second: enough to catch a card held up, light on a tablet's CPU. */
const EVERY_MS = 150;
/** Frames are scaled down to this width before decoding. */
const WIDTH = 640;

async function nativeDetector(): Promise<Detector | undefined> {
  try {
    const formats = (await window.BarcodeDetector?.getSupportedFormats()) ?? [];
    return formats.includes("qr_code") ? new window.BarcodeDetector!({ formats: ["qr_code"] }) : undefined;
  } catch {
    return undefined;
  }
}

let fallback: Promise<Decode> | undefined;
function jsQrDecoder(): Promise<Decode> {
  fallback ??= import("jsqr").then((m) => {
    const jsQR = m.default;
    return (frame) => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data;
  });
  return fallback;
}

/**
 * Starts the camera into `video` and calls `onText` with each QR code read until stopped. Resolves to the stop
 * function; rejects when there is no camera or it is not allowed.
 */
export async function startQrScan(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  facingMode: "user" | "environment",
): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode }, audio: false });
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
  } catch (error) {
    stop();
    throw error;
  }
  const detector = await nativeDetector();
  const decode = detector ? undefined : await jsQrDecoder();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const tick = async () => {
    if (stopped) return;
    try {
      if (video.readyState >= 2 && video.videoWidth > 0) {
        if (detector) {
          for (const code of await detector.detect(video)) onText(code.rawValue);
        } else if (context && decode) {
          const scale = Math.min(1, WIDTH / video.videoWidth);
          canvas.width = Math.round(video.videoWidth * scale);
          canvas.height = Math.round(video.videoHeight * scale);
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const text = decode(context.getImageData(0, 0, canvas.width, canvas.height));
          if (text) onText(text);
        }
      }
    } catch {
      // a frame that cannot be read: try the next one
    }
    if (!stopped) setTimeout(() => void tick(), EVERY_MS);
  };
  void tick();
  return stop;
}
