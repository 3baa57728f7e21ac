/** Entry of /staff: the staff console, a page of its own so the kiosk never downloads it. */
import { render } from "preact";
import { App } from "./app.tsx";
import "../kiosk/kiosk.css";
import "../common/page.css";
import "./staff.css";

render(<App />, document.getElementById("app")!);
