/** Entry of /card/{token}: the member's card, a page of its own with its own service worker. */
import { render } from "preact";
import { App } from "./app.tsx";
import { registerCardWorker } from "./lib/service-worker.ts";
import "../kiosk/kiosk.css";
import "../common/page.css";
import "./card.css";

render(<App />, document.getElementById("app")!);
registerCardWorker();
