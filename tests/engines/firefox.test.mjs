// The core flows in Firefox ESR (puppeteer-core over WebDriver BiDi).
import * as firefox from './firefox.mjs';
import { flows } from './flows.mjs';

flows('firefox', firefox);
