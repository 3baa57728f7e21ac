/** Entry of /kiosk: renders the kiosk and registers the service worker that makes it work offline. */
import { render } from "preact";
import { App } from "./app.tsx";
import { registerServiceWorker } from "./lib/service-worker.ts";
import "./kiosk.css";

render(<App />, document.getElementById("app")!);
registerServiceWorker();
