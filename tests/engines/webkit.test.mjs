// The core flows in WebKitGTK (selenium-webdriver and WebKitWebDriver, under Xvfb). Classic
// WebDriver reports no page errors, so the proxy adds the harness's error probe to each page.
import * as webkit from './webkit.mjs';
import { flows } from './flows.mjs';

flows('webkit', webkit, { probe: true });
