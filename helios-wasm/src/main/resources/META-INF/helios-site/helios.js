// Helios — simulation visualizer.
//
// A static page: helios.wasm (the kernel, compiled by TeaVM) answers every question as a JSON string;
// this module draws the run as a space-time diagram and drives it (run, step, seek, faults, forks).
//
// Security: nothing in a link, a fault script, a payload, a log line, a node's state or an error
// message is trusted. Every dynamic value reaches the page as text only (textContent, createTextNode,
// an input's value, canvas fillText); no HTML is ever built from a string.

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

const HEADER = 34; // px: lane labels above the plot
const AXIS = 70; // px: the time axis left of the lanes
const HIT_RADIUS = 8; // px: how close the pointer must be to an event
/**
 * Drawing limits: a window with more events of a family than its limit is summarised (one mark per lane
 * per pixel row); more arrows than `arrows` are drawn as `arrowSample` plain lines without heads.
 */
const LIMIT = { msg: 600, drop: 300, timer: 400, log: 600, fault: 400, arrows: 500, arrowSample: 700, inflight: 1000, inflightDashed: 200 };
const MAX_PX_PER_US = 40; // deepest zoom: 40 px per µs
const TOP_PAD = 14; // px of room above time 0, so that the first events are not under the lane labels

const COLORS = {
  bg: "#ffffff",
  lane: "#b8c2cf",
  laneText: "#1f2933",
  axis: "#5b6775",
  grid: "#eef1f5",
  msg: "#2f6db5",
  dup: "#8e44ad",
  drop: "#d62828",
  inflight: "#7f8c99",
  timer: "#d98200",
  timerCancel: "#868e96",
  log: "#0f8a7e",
  start: "#2b9348",
  crash: "#212529",
  restart: "#2b9348",
  cut: "#e03131",
  heal: "#2b9348",
  link: "#e67700",
  now: "#1c7ed6",
  until: "#495057",
  fork: "#7048e8",
  diverge: "#d6336c",
  hover: "#f08c00",
  select: "#1c7ed6",
  future: "rgba(233, 236, 239, 0.55)",
  shared: "rgba(255, 255, 255, 0.45)",
};

const KIND_TEXT = {
  start: "node started",
  send: "message sent",
  duplicate: "message duplicated by the network",
  deliver: "message delivered",
  drop: "message dropped",
  "timer-set": "timer set",
  "timer-fire": "timer fired",
  "timer-cancel": "timer cancelled",
  log: "log line",
  fault: "fault applied",
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

/** Creates an element; children that are strings become text nodes (never HTML). */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "title") node.title = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function setText(id, text) {
  const node = typeof id === "string" ? $(id) : id;
  const value = text === null || text === undefined ? "" : String(text);
  if (node && node.textContent !== value) node.textContent = value;
}

/** µs (an integer) as ms with µs precision: 122132 -> "122.132". */
function fmtMs(us) {
  if (!Number.isFinite(us)) return String(us);
  if (us < 0) return "-" + fmtMs(-us);
  const whole = Math.floor(us / 1000);
  const rest = Math.round(us - whole * 1000);
  return whole + "." + String(rest).padStart(3, "0");
}

function lowerBound(arr, value, lo = 0, hi = arr.length) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(arr, value, lo = 0, hi = arr.length) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs cb on the next animation frame, or after 50 ms when frames are not painted (a hidden tab). */
function nextFrame(cb) {
  let ran = false;
  const run = () => {
    if (!ran) {
      ran = true;
      cb();
    }
  };
  requestAnimationFrame(run);
  setTimeout(run, 50);
}

function faultLines(text) {
  return String(text || "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------
// The kernel
// ---------------------------------------------------------------------------------------------

let api = null;

/** Calls an exported function and parses its JSON answer; never throws. */
function call(name, ...args) {
  if (!api) return { ok: false, error: "the simulation kernel is not loaded" };
  let raw;
  try {
    raw = api[name](...args);
  } catch (e) {
    return { ok: false, error: `${name}: the kernel threw ${e && e.message ? e.message : String(e)}` };
  }
  if (typeof raw !== "string") return { ok: false, error: `${name}: the kernel gave no answer` };
  try {
    return JSON.parse(raw);
  } catch (e) {
    return { ok: false, error: `${name}: the kernel's answer is not JSON (${e.message})` };
  }
}

function callText(name, ...args) {
  try {
    const raw = api[name](...args);
    return typeof raw === "string" ? raw : "";
  } catch (e) {
    showError(`${name}: the kernel threw ${e && e.message ? e.message : String(e)}`);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// A trace and its indexes (built incrementally as events arrive; rebuilt after a seek back)
// ---------------------------------------------------------------------------------------------

/** Event indexes of one family, sorted by time (the trace is), for binary search. */
class Series {
  constructor() {
    this.idx = [];
    this.t = [];
  }
  push(i, t) {
    this.idx.push(i);
    this.t.push(t);
  }
  get length() {
    return this.idx.length;
  }
  /**
   * Calls cb(eventIndex, dense) for the events in [t0, t1]: every one of them when there are at most
   * `limit` (dense false). Else a summary (dense true, and returns true): per pixel row of the window
   * at most one event per lane, from a bounded scan of the row, so the work and the marks stay within
   * rows × lanes however many events the window holds.
   */
  visible(t0, t1, limit, rows, lanes, laneOf, cb) {
    const a = lowerBound(this.t, t0);
    const b = upperBound(this.t, t1);
    if (b - a <= limit) {
      for (let j = a; j < b; j++) cb(this.idx[j], false);
      return false;
    }
    const span = (t1 - t0) / rows;
    const seen = new Int32Array(lanes + 1).fill(-1);
    const scan = 3 * lanes + 4;
    let j = a;
    for (let r = 0; r < rows && j < b; r++) {
      const rowStart = t0 + r * span;
      const rowEnd = rowStart + span;
      if (this.t[j] < rowStart) j = lowerBound(this.t, rowStart, j, b);
      for (let k = 0; k < scan && j < b && this.t[j] < rowEnd; k++, j++) {
        const lane = laneOf(this.idx[j]);
        const slot = lane < 0 || lane > lanes ? lanes : lane;
        if (seen[slot] !== r) {
          seen[slot] = r;
          cb(this.idx[j], true);
        }
      }
    }
    return true;
  }
}

/**
 * Message arrows (an origin — send or duplicate — and its end — delivery or drop), in the order their
 * ends arrive, so sorted by end time. Per block of 64 arrows the earliest start, so a query skips
 * blocks that start below the window; maxLen bounds how far below the window an end can be.
 */
class Arrows {
  constructor() {
    this.s = [];
    this.e = [];
    this.o = [];
    this.i = [];
    this.blockMin = [];
    this.maxLen = 0;
  }
  push(start, end, origin, index) {
    const k = this.s.length;
    this.s.push(start);
    this.e.push(end);
    this.o.push(origin);
    this.i.push(index);
    const block = k >> 6;
    if (block >= this.blockMin.length) this.blockMin.push(start);
    else if (start < this.blockMin[block]) this.blockMin[block] = start;
    if (end - start > this.maxLen) this.maxLen = end - start;
  }
  /** How many arrows cross [t0, t1] (skipping blocks that start below the window). */
  count(t0, t1) {
    let n = 0;
    this.scan(t0, t1, () => n++);
    return n;
  }
  /** Calls cb(origin, end) for the arrows that cross [t0, t1]; every k-th of them if there are more than budget. */
  query(t0, t1, budget, cb) {
    const total = budget === Infinity ? 0 : this.count(t0, t1);
    const stride = total > budget ? Math.ceil(total / budget) : 1;
    let k = 0;
    this.scan(t0, t1, (j) => {
      if (k++ % stride === 0) cb(this.o[j], this.i[j]);
    });
    return stride > 1;
  }
  scan(t0, t1, cb) {
    const a = lowerBound(this.e, t0);
    const z = upperBound(this.e, t1 + this.maxLen, a);
    for (let j = a; j < z; ) {
      const block = j >> 6;
      if (this.blockMin[block] > t1) {
        j = (block + 1) << 6;
        continue;
      }
      if (this.s[j] <= t1) cb(j);
      j++;
    }
  }
}

class Trace {
  constructor() {
    this.reset([]);
  }

  reset(nodes) {
    this.version = (this.version || 0) + 1;
    this.nodes = nodes.slice();
    this.lane = new Map(nodes.map((id, k) => [id, k]));
    this.ev = [];
    this.msgs = new Map(); // message id -> { origins: [event idx], ends: [event idx] }
    this.timers = new Map(); // timer id -> { set, fire, cancel } (event idx or -1)
    this.originOf = new Map(); // end event idx -> origin event idx
    this.series = { msg: new Series(), drop: new Series(), timer: new Series(), log: new Series(), fault: new Series() };
    this.arrows = new Arrows();
    this.pending = new Set(); // message ids with an origin not yet ended
    this.crashes = []; // { node, t0, t1 (null while crashed), i0, i1 }
    this.openCrash = new Map();
    this.cuts = []; // { a, b, t0, t1 (null while cut), i0, i1 }: a cannot send to b
    this.openCuts = new Map();
  }

  truncate(n) {
    const keep = this.ev.slice(0, n);
    this.reset(this.nodes);
    this.append(keep);
  }

  append(events) {
    if (events.length) this.version++;
    for (const e of events) this.add(e);
  }

  get lastTime() {
    return this.ev.length ? this.ev[this.ev.length - 1][0] : 0;
  }

  add(e) {
    const i = this.ev.length;
    this.ev.push(e);
    const t = e[0];
    const kind = e[1];
    const id = e[4];
    switch (kind) {
      case "send":
      case "duplicate": {
        this.message(id).origins.push(i);
        this.pending.add(id);
        this.series.msg.push(i, t);
        break;
      }
      case "deliver":
      case "drop": {
        const m = this.message(id);
        const origin = m.origins[m.ends.length] ?? m.origins[0] ?? -1;
        m.ends.push(i);
        if (m.ends.length >= m.origins.length) this.pending.delete(id);
        if (origin >= 0) {
          this.originOf.set(i, origin);
          this.arrows.push(this.ev[origin][0], t, origin, i);
        }
        (kind === "drop" ? this.series.drop : this.series.msg).push(i, t);
        break;
      }
      case "timer-set":
      case "timer-fire":
      case "timer-cancel": {
        let timer = this.timers.get(id);
        if (!timer) {
          timer = { set: -1, fire: -1, cancel: -1 };
          this.timers.set(id, timer);
        }
        timer[kind.slice(6)] = i;
        this.series.timer.push(i, t);
        break;
      }
      case "fault":
        this.series.fault.push(i, t);
        this.fault(i, t, e[2], e[3], String(e[6] || ""));
        break;
      case "start":
        this.series.fault.push(i, t);
        break;
      default: // "log" and anything newer
        this.series.log.push(i, t);
    }
  }

  message(id) {
    let m = this.msgs.get(id);
    if (!m) {
      m = { origins: [], ends: [] };
      this.msgs.set(id, m);
    }
    return m;
  }

  fault(i, t, from, to, text) {
    const words = text.trim().split(/\s+/);
    const oneWay = (words[1] || "").includes("->");
    switch (words[0]) {
      case "crash":
        if (!this.openCrash.has(from)) {
          const c = { node: from, t0: t, t1: null, i0: i, i1: -1 };
          this.crashes.push(c);
          this.openCrash.set(from, c);
        }
        break;
      case "restart": {
        const c = this.openCrash.get(from);
        if (c) {
          c.t1 = t;
          c.i1 = i;
          this.openCrash.delete(from);
        }
        break;
      }
      case "partition":
        this.cut(from, to, t, i);
        if (!oneWay) this.cut(to, from, t, i);
        break;
      case "heal": // heal always ends both directions
        this.heal(from, to, t, i);
        this.heal(to, from, t, i);
        break;
      case "isolate":
        for (const other of this.nodes) {
          if (other !== from) {
            this.cut(from, other, t, i);
            this.cut(other, from, t, i);
          }
        }
        break;
      case "heal-all":
        for (const key of [...this.openCuts.keys()]) {
          const c = this.openCuts.get(key);
          this.heal(c.a, c.b, t, i);
        }
        break;
      default: // latency, loss, duplication: marks only
    }
  }

  cut(a, b, t, i) {
    if (a < 0 || b < 0 || a === b) return;
    const key = a + ">" + b;
    if (this.openCuts.has(key)) return;
    const c = { a, b, t0: t, t1: null, i0: i, i1: -1 };
    this.cuts.push(c);
    this.openCuts.set(key, c);
  }

  heal(a, b, t, i) {
    const key = a + ">" + b;
    const c = this.openCuts.get(key);
    if (c) {
      c.t1 = t;
      c.i1 = i;
      this.openCuts.delete(key);
    }
  }
}

/** One line for an event, e.g. `110.257 ms deliver node 0 → node 2, message #1 "Hello"`. */
function describeEvent(e) {
  if (!e) return "(no event)";
  const [t, kind, from, to, id, payload, detail] = e;
  let text = `${fmtMs(t)} ms ${kind}`;
  switch (kind) {
    case "send":
    case "duplicate":
    case "deliver":
    case "drop":
      text += ` node ${from} → node ${to}, message #${id}`;
      if (payload !== null && payload !== undefined) text += ` ${payload}`;
      if (detail) text += ` (${detail})`;
      break;
    case "timer-set":
    case "timer-fire":
    case "timer-cancel":
      text += ` on node ${from}, timer #${id}`;
      if (payload !== null && payload !== undefined) text += ` ${payload}`;
      break;
    case "fault":
      text += ` ${detail}`;
      break;
    case "start":
      text += ` node ${from}`;
      break;
    default:
      text += ` on node ${from}`;
      if (detail) text += `: ${detail}`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Page state
// ---------------------------------------------------------------------------------------------

const view = {
  start: 0, // µs at the top of the plot
  px: 0.005, // px per µs
  fit: true, // keep the whole run in view
  follow: true, // keep "now" in view while running
};

const page = {
  sims: [],
  config: null, // what the original run was opened with
  panes: [], // [original, branch?]
  target: null, // the pane the controls act on
  running: false,
  runBoth: false,
  hover: null, // { pane, idx } or { pane, interval }
  selected: null, // { pane, idx }
  divergence: -1,
  chunk: 200,
  lastDrawMs: 0,
  lastInspector: 0,
  pendingSeek: null,
};

let original = null;
let branch = null;

// ---------------------------------------------------------------------------------------------
// A pane: one run's diagram
// ---------------------------------------------------------------------------------------------

class Pane {
  constructor(role, container, titleEl) {
    this.role = role;
    this.container = container;
    this.titleEl = titleEl;
    this.session = 0;
    this.state = null;
    this.trace = new Trace();
    this.maxStep = 0;
    this.forkMicros = -1;
    this.forkTraceSize = 0;
    this.hits = { x: [], y: [], i: [] };
    this.segs = { x1: [], y1: [], x2: [], y2: [], i: [] };
    this.bands = [];
    this.sampled = false;
    this.cssW = 0;
    this.cssH = 0;
    this.sbW = 0;

    container.classList.add("diagram");
    this.canvas = el("canvas", { className: "diagram-canvas", "aria-label": `space-time diagram of the ${role} run` });
    this.scroller = el("div", { className: "diagram-scroller", tabindex: "0", "aria-label": "diagram: wheel or arrow keys scroll in time, ctrl+wheel zooms, click pins an event" });
    this.spacer = el("div", { className: "diagram-spacer" });
    this.scroller.appendChild(this.spacer);
    this.tooltip = el("div", { className: "diagram-tooltip", hidden: true });
    this.empty = el("div", { className: "diagram-empty" });
    this.zoomBand = el("div", { className: "zoom-band", hidden: true });
    container.append(this.canvas, this.scroller, this.zoomBand, this.tooltip, this.empty);
    this.drag = null;
    this.suppressClick = false;
    this.ctx = this.canvas.getContext("2d");
    this.lastScrollTop = -1;

    this.scroller.addEventListener("scroll", () => this.onScroll());
    this.scroller.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    this.scroller.addEventListener("mousemove", (e) => this.onMove(e));
    this.scroller.addEventListener("mouseleave", () => this.onLeave());
    this.scroller.addEventListener("click", (e) => this.onClick(e));
    this.scroller.addEventListener("mousedown", (e) => this.onDown(e));
    window.addEventListener("mousemove", (e) => this.onDrag(e));
    window.addEventListener("mouseup", (e) => this.onUp(e));
    // measured on the next frame, not in the observer: changing sizes inside it can loop
    new ResizeObserver(() => {
      this.needsMeasure = true;
      requestDraw();
    }).observe(container);
    this.measure();
  }

  measure() {
    this.cssW = this.container.clientWidth;
    this.cssH = this.container.clientHeight;
    this.sbW = Math.max(0, this.scroller.offsetWidth - this.scroller.clientWidth);
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.cssW * dpr));
    const h = Math.max(1, Math.round(this.cssH * dpr));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    this.canvas.style.width = this.cssW + "px";
    this.canvas.style.height = this.cssH + "px";
  }

  get plotH() {
    return Math.max(10, this.cssH - HEADER);
  }

  adopt(state) {
    this.session = state.session;
    this.state = state;
    this.trace.reset(state.nodes || []);
    this.maxStep = state.step;
    this.forkTraceSize = state.forkTraceSize || 0;
    this.forkMicros = state.parent ? state.nowMicros : -1;
    this.sync(state);
  }

  /** Takes a new state from the kernel and brings the local events up to its trace size. */
  sync(state) {
    if (!state || !state.ok) return false;
    this.state = state;
    if (state.step > this.maxStep) this.maxStep = state.step;
    const tr = this.trace;
    if (state.traceSize < tr.ev.length) tr.truncate(state.traceSize);
    if (state.traceSize > tr.ev.length) {
      const r = call("events", this.session, tr.ev.length);
      if (!r.ok) {
        showError(`could not read the trace: ${r.error}`);
        return false;
      }
      if (r.from !== tr.ev.length) {
        tr.reset(state.nodes);
        const all = call("events", this.session, 0);
        if (all.ok) tr.append(all.events);
      } else {
        tr.append(r.events);
      }
    }
    return true;
  }

  close() {
    if (this.session) call("close", this.session);
    this.session = 0;
    this.state = null;
    this.trace.reset([]);
  }

  // ---- geometry ----

  geometry() {
    const plotW = Math.max(60, this.cssW - this.sbW);
    const n = Math.max(1, this.trace.nodes.length);
    const laneW = (plotW - AXIS - 12) / n;
    return { plotW, laneW, n };
  }

  laneX(node, g) {
    const k = this.trace.lane.get(node);
    if (k === undefined) return AXIS + 10;
    return AXIS + g.laneW * (k + 0.5);
  }

  y(t) {
    return HEADER + (t - view.start) * view.px;
  }

  /** Where an event is drawn. */
  point(i, g) {
    const e = this.trace.ev[i];
    if (!e) return null;
    const [t, kind, from, to] = e;
    const y = this.y(t);
    if (kind === "deliver") return { x: this.laneX(to, g), y };
    if (kind === "drop") {
      const origin = this.trace.originOf.get(i);
      const x2 = this.laneX(to, g);
      if (origin !== undefined && this.trace.ev[origin][0] === t) {
        const x1 = this.laneX(this.trace.ev[origin][2], g);
        return { x: x1 + (x2 - x1) * 0.4, y };
      }
      return { x: x2, y };
    }
    if (kind === "fault" && from < 0) return { x: AXIS + 12, y };
    return { x: this.laneX(from, g), y };
  }

  // ---- scrolling and pointer ----

  syncScroller() {
    const ext = extentMicros();
    const plotH = this.plotH;
    const contentPx = ext * view.px + TOP_PAD;
    const spacerH = Math.max(plotH, Math.min(contentPx, 4e6));
    this.spacer.style.height = Math.round(spacerH) + "px";
    const maxScroll = Math.max(0, spacerH - plotH);
    const [minStart, maxStart] = startRange();
    const top = maxStart > minStart ? Math.round(((view.start - minStart) / (maxStart - minStart)) * maxScroll) : 0;
    if (Math.abs(this.scroller.scrollTop - top) >= 1) {
      this.lastScrollTop = top;
      this.scroller.scrollTop = top;
    }
  }

  onScroll() {
    const top = this.scroller.scrollTop;
    if (Math.abs(top - this.lastScrollTop) < 1) return;
    this.lastScrollTop = top;
    const maxScroll = Math.max(1, this.scroller.scrollHeight - this.scroller.clientHeight);
    const [minStart, maxStart] = startRange();
    view.start = minStart + (top / maxScroll) * (maxStart - minStart);
    view.fit = false;
    if (page.running) view.follow = false;
    requestDraw(this);
  }

  onWheel(e) {
    if (!e.ctrlKey && !e.metaKey) return; // plain wheel: the scroller scrolls natively
    e.preventDefault();
    const rect = this.scroller.getBoundingClientRect();
    const y = e.clientY - rect.top;
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(view.start + y / view.px, Math.exp(-delta * 0.0025));
  }

  local(e) {
    const rect = this.scroller.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top + HEADER };
  }

  hitTest(x, y) {
    let best = -1;
    let bestD = HIT_RADIUS * HIT_RADIUS;
    const h = this.hits;
    for (let k = 0; k < h.x.length; k++) {
      const dx = h.x[k] - x;
      const dy = h.y[k] - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = h.i[k];
      }
    }
    if (best >= 0) return { pane: this, idx: best };
    const s = this.segs;
    let bestSeg = -1;
    let bestSegD = 16;
    for (let k = 0; k < s.x1.length; k++) {
      const d = segDist2(x, y, s.x1[k], s.y1[k], s.x2[k], s.y2[k]);
      if (d < bestSegD) {
        bestSegD = d;
        bestSeg = s.i[k];
      }
    }
    if (bestSeg >= 0) return { pane: this, idx: bestSeg };
    for (const band of this.bands) {
      if (x >= band.x0 && x <= band.x1 && y >= band.y0 && y <= band.y1) return { pane: this, interval: band };
    }
    return null;
  }

  onMove(e) {
    const { x, y } = this.local(e);
    const hit = this.hitTest(x, y);
    const same = page.hover && hit && page.hover.pane === hit.pane && page.hover.idx === hit.idx && page.hover.interval === hit.interval;
    if (!same && (hit || page.hover)) {
      page.hover = hit;
      showDetails();
      requestDraw();
    }
    if (hit) {
      this.tooltip.textContent = hit.interval ? hit.interval.text : tooltipText(this, hit.idx);
      this.tooltip.hidden = false;
      const tw = this.tooltip.offsetWidth;
      const left = x + 14 + tw > this.cssW - this.sbW ? Math.max(0, x - 14 - tw) : x + 14;
      const th = this.tooltip.offsetHeight;
      this.tooltip.style.left = left + "px";
      this.tooltip.style.top = Math.max(0, y + 14 + th > this.cssH ? y - 14 - th : y + 14) + "px";
    } else {
      this.tooltip.hidden = true;
    }
    this.scroller.style.cursor = hit && !hit.interval ? "pointer" : "default";
  }

  onLeave() {
    this.tooltip.hidden = true;
    if (page.hover) {
      page.hover = null;
      showDetails();
      requestDraw();
    }
  }

  // drag up or down over the diagram: zoom to that time range
  onDown(e) {
    if (e.button !== 0) return;
    const { x, y } = this.local(e);
    if (x >= this.scroller.clientWidth) return; // the scrollbar
    e.preventDefault();
    this.drag = { y0: y, y1: y, moved: false };
  }

  onDrag(e) {
    if (!this.drag) return;
    const { y } = this.local(e);
    this.drag.y1 = Math.max(HEADER, Math.min(this.cssH, y));
    if (Math.abs(this.drag.y1 - this.drag.y0) > 6) this.drag.moved = true;
    if (this.drag.moved) {
      const top = Math.min(this.drag.y0, this.drag.y1);
      this.zoomBand.hidden = false;
      this.zoomBand.style.top = top + "px";
      this.zoomBand.style.height = Math.abs(this.drag.y1 - this.drag.y0) + "px";
      this.zoomBand.textContent = `zoom to ${fmtMs(this.timeAt(top))} – ${fmtMs(this.timeAt(top + Math.abs(this.drag.y1 - this.drag.y0)))} ms`;
      this.tooltip.hidden = true;
    }
  }

  onUp() {
    if (!this.drag) return;
    const d = this.drag;
    this.drag = null;
    this.zoomBand.hidden = true;
    if (d.moved) {
      this.suppressClick = true;
      zoomToRange(this.timeAt(Math.min(d.y0, d.y1)), this.timeAt(Math.max(d.y0, d.y1)));
    }
  }

  timeAt(y) {
    return view.start + (y - HEADER) / view.px;
  }

  onClick(e) {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const { x, y } = this.local(e);
    const hit = this.hitTest(x, y);
    page.selected = hit && hit.idx !== undefined ? { pane: this, idx: hit.idx } : null;
    if (branch && this !== page.target && page.selected === null) setTarget(this);
    showDetails();
    requestDraw();
  }

  // ---- drawing ----
  //
  // The diagram is rendered into an offscreen layer, rebuilt only when the view, the trace or the run's
  // position changes; hovering and clicking redraw just the highlights on top of a copy of it. A
  // rebuild touches only the visible time window (binary search), and a window with more events than
  // can be told apart is summarised: at most one mark per lane per pixel row, arrows sampled.

  layerKey() {
    const st = this.state;
    return [view.start, view.px, this.trace.version, st.step, st.nowMicros, st.done, this.cssW, this.cssH, this.sbW,
      window.devicePixelRatio || 1, branch ? branch.forkMicros : -1, page.divergence, (st.crashed || []).join(",")].join("|");
  }

  draw() {
    const ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    if (!this.state) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      this.hits = { x: [], y: [], i: [] };
      this.segs = { x1: [], y1: [], x2: [], y2: [], i: [] };
      this.bands = [];
      this.layerKeyValue = "";
      this.empty.hidden = false;
      this.empty.textContent = document.body.dataset.state === "loading" ? "Loading…" : "No run is open. Fix the run setup above and press Reset.";
      return;
    }
    this.empty.hidden = true;
    const key = this.layerKey();
    if (!this.layer) this.layer = document.createElement("canvas");
    if (this.layer.width !== this.canvas.width || this.layer.height !== this.canvas.height) {
      this.layer.width = this.canvas.width;
      this.layer.height = this.canvas.height;
      this.layerKeyValue = "";
    }
    if (key !== this.layerKeyValue) {
      const lctx = this.layer.getContext("2d");
      lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      lctx.clearRect(0, 0, this.cssW, this.cssH);
      this.renderLayer(lctx);
      this.layerKeyValue = key;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.layer, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawOverlay(ctx);
  }

  renderLayer(ctx) {
    this.hits = { x: [], y: [], i: [] };
    this.segs = { x1: [], y1: [], x2: [], y2: [], i: [] };
    this.bands = [];
    const g = this.geometry();
    this.g = g;
    const tr = this.trace;
    const plotTop = HEADER;
    const plotBottom = this.cssH;
    const t0 = view.start;
    const t1 = t0 + this.plotH / view.px;
    const rows = Math.max(20, Math.floor(this.plotH / 3));
    const lanes = tr.nodes.length;
    const now = this.state.nowMicros;
    const Y = (t) => HEADER + (t - t0) * view.px;
    const clampY = (y) => Math.max(plotTop - 4000, Math.min(plotBottom + 4000, y));
    const laneOfFrom = (i) => {
      const k = tr.lane.get(tr.ev[i][2]);
      return k === undefined ? -1 : k;
    };
    let sampled = false;

    ctx.save();
    ctx.beginPath();
    ctx.rect(0, plotTop, g.plotW, plotBottom - plotTop);
    ctx.clip();
    ctx.lineWidth = 1;

    // time grid
    const step = tickStep(view.px);
    ctx.strokeStyle = COLORS.grid;
    ctx.beginPath();
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const y = Math.round(Y(t)) + 0.5;
      ctx.moveTo(AXIS, y);
      ctx.lineTo(g.plotW, y);
    }
    ctx.stroke();

    // shared history of a fork (before the fork point): lightly tinted
    if (branch && branch.forkMicros >= 0 && branch.forkMicros > t0) {
      const yf = clampY(Y(branch.forkMicros));
      ctx.fillStyle = "rgba(112, 72, 232, 0.05)";
      ctx.fillRect(AXIS, plotTop, g.plotW - AXIS, yf - plotTop);
    }

    // not yet simulated: below "now"
    const yNow = Y(now);
    if (yNow < plotBottom) {
      const top = Math.max(plotTop, yNow);
      ctx.fillStyle = COLORS.future;
      ctx.fillRect(AXIS, top, g.plotW - AXIS, plotBottom - top);
    }

    // lanes: solid up to now, dotted after
    ctx.strokeStyle = COLORS.lane;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const node of tr.nodes) {
      const x = Math.round(this.laneX(node, g)) + 0.5;
      ctx.moveTo(x, plotTop);
      ctx.lineTo(x, clampY(Math.min(plotBottom, yNow)));
    }
    ctx.stroke();
    if (yNow < plotBottom) {
      ctx.setLineDash([2, 4]);
      ctx.beginPath();
      for (const node of tr.nodes) {
        const x = Math.round(this.laneX(node, g)) + 0.5;
        ctx.moveTo(x, Math.max(plotTop, yNow));
        ctx.lineTo(x, plotBottom);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.lineWidth = 1;

    // crashed intervals: hatched
    const hatchW = Math.max(8, Math.min(g.laneW * 0.34, 30));
    for (const c of tr.crashes) {
      const end = c.t1 === null ? now : c.t1;
      if (end < t0 || c.t0 > t1) continue;
      const x = this.laneX(c.node, g);
      const y0 = clampY(Y(c.t0));
      const y1 = clampY(Y(end));
      ctx.fillStyle = hatchPattern(ctx);
      ctx.fillRect(x - hatchW / 2, y0, hatchW, Math.max(2, y1 - y0));
      ctx.strokeStyle = "rgba(33,37,41,0.5)";
      ctx.strokeRect(x - hatchW / 2 + 0.5, y0 + 0.5, hatchW - 1, Math.max(2, y1 - y0) - 1);
      this.bands.push({
        x0: x - hatchW / 2, x1: x + hatchW / 2, y0, y1,
        text: `node ${c.node} crashed from ${fmtMs(c.t0)} ms ${c.t1 === null ? "and is still down (at " + fmtMs(now) + " ms)" : "to " + fmtMs(c.t1) + " ms (restart)"}`,
      });
    }

    // cut links: a red bar beside lane a, on the side of b ("a cannot send to b")
    ctx.fillStyle = "rgba(224, 49, 49, 0.75)";
    for (const c of tr.cuts) {
      const end = c.t1 === null ? now : c.t1;
      if (end < t0 || c.t0 > t1) continue;
      const ka = tr.lane.get(c.a);
      const kb = tr.lane.get(c.b);
      if (ka === undefined || kb === undefined) continue;
      const dir = kb > ka ? 1 : -1;
      const slot = Math.min(Math.abs(kb - ka) - 1, 6);
      const x = this.laneX(c.a, g) + dir * (hatchW / 2 + 4 + slot * 5);
      const y0 = clampY(Y(c.t0));
      const y1 = clampY(Y(end));
      ctx.fillRect(x - 1.5, y0, 3, Math.max(2, y1 - y0));
      const how = tr.ev[c.i0] ? tr.ev[c.i0][6] : "partition";
      const ended = c.t1 === null ? `still cut at ${fmtMs(now)} ms` : `until ${fmtMs(c.t1)} ms (${tr.ev[c.i1] ? tr.ev[c.i1][6] : "heal"})`;
      this.bands.push({ x0: x - 4, x1: x + 4, y0, y1, text: `link node ${c.a} → node ${c.b} cut: messages from ${c.a} to ${c.b} are dropped\nfrom ${fmtMs(c.t0)} ms (${how}), ${ended}` });
    }

    // connectors where links are cut (red) and healed (green), arrow heads toward the receiver
    let connectors = 0;
    for (const c of tr.cuts) {
      for (const [t, color] of [[c.t0, COLORS.cut], [c.t1, COLORS.heal]]) {
        if (t === null || t < t0 || t > t1 || connectors > 200) continue;
        connectors++;
        const xa = this.laneX(c.a, g);
        const xb = this.laneX(c.b, g);
        const y = Y(t);
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([5, 3]);
        ctx.beginPath();
        ctx.moveTo(xa, y);
        ctx.lineTo(xb, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = color;
        ctx.beginPath();
        arrowHead(ctx, xa, y, xb, y, 6);
        ctx.fill();
      }
    }
    ctx.lineWidth = 1;

    // message arrows: delivered (blue; purple from a duplicate), dropped (red, ending in ×)
    const segs = this.segs;
    const arrowCount = tr.arrows.count(t0, t1);
    const detailed = arrowCount <= LIMIT.arrows;
    const deliverLines = new Batch(ctx, "stroke", detailed ? COLORS.msg : "rgba(47, 109, 181, 0.55)");
    const dupLines = new Batch(ctx, "stroke", detailed ? COLORS.dup : "rgba(142, 68, 173, 0.55)");
    const dropLines = new Batch(ctx, "stroke", detailed ? COLORS.drop : "rgba(214, 40, 40, 0.45)", detailed ? [4, 3] : null);
    const heads = new Batch(ctx, "fill", COLORS.msg);
    const dupHeads = new Batch(ctx, "fill", COLORS.dup);
    if (tr.arrows.query(t0, t1, detailed ? Infinity : LIMIT.arrowSample, (o, i) => {
      const eo = tr.ev[o];
      const ee = tr.ev[i];
      const x1 = this.laneX(eo[2], g);
      const y1 = Y(eo[0]);
      const p = this.point(i, g);
      const isDup = eo[1] === "duplicate";
      const isDrop = ee[1] === "drop";
      const seg = clipSegment(x1, y1, p.x, p.y, plotTop - 20, plotBottom + 20);
      if (!seg) return;
      const path = (isDrop ? dropLines : isDup ? dupLines : deliverLines).path();
      path.moveTo(seg[0], seg[1]);
      path.lineTo(seg[2], seg[3]);
      if (detailed && !isDrop && p.y >= plotTop - 10 && p.y <= plotBottom + 10) arrowHead((isDup ? dupHeads : heads).path(), x1, y1, p.x, p.y, 7);
      if (segs.i.length < 20000) {
        segs.x1.push(seg[0]);
        segs.y1.push(seg[1]);
        segs.x2.push(seg[2]);
        segs.y2.push(seg[3]);
        segs.i.push(i);
      }
    })) sampled = true;
    for (const b of [deliverLines, dupLines, dropLines, heads, dupHeads]) b.flush();

    // messages in flight at "now": dashed grey toward the receiver's lane
    if (tr.pending.size && now >= t0) {
      const inflight = new Batch(ctx, "stroke", tr.pending.size <= LIMIT.inflightDashed ? COLORS.inflight : "rgba(127, 140, 153, 0.5)", tr.pending.size <= LIMIT.inflightDashed ? [4, 3] : null);
      let count = 0;
      for (const id of tr.pending) {
        if (count >= LIMIT.inflight) {
          sampled = true;
          break;
        }
        const m = tr.msgs.get(id);
        for (let k = m.ends.length; k < m.origins.length; k++) {
          const eo = tr.ev[m.origins[k]];
          if (eo[0] > t1) continue;
          const seg = clipSegment(this.laneX(eo[2], g), Y(eo[0]), this.laneX(eo[3], g), Y(now), plotTop - 20, plotBottom + 20);
          if (!seg) continue;
          const path = inflight.path();
          path.moveTo(seg[0], seg[1]);
          path.lineTo(seg[2], seg[3]);
          count++;
        }
      }
      inflight.flush();
    }

    const hits = this.hits;
    const addHit = (x, y, i) => {
      if (hits.i.length < 60000) {
        hits.x.push(x);
        hits.y.push(y);
        hits.i.push(i);
      }
    };

    // timers: set ○, fired ●, cancelled ⊘, and a dotted line from set to fire on the node's lane
    {
      const lines = new Batch(ctx, "stroke", "rgba(217, 130, 0, 0.3)");
      const setMarks = new Batch(ctx, "stroke", COLORS.timer, null, 1.5, "#fff");
      const fireMarks = new Batch(ctx, "fill", COLORS.timer);
      const cancelMarks = new Batch(ctx, "stroke", COLORS.timerCancel, null, 1.5);
      const denseMarks = new Bars(ctx, COLORS.timer, 3, 7);
      if (tr.series.timer.visible(t0, t1, LIMIT.timer, rows, lanes, laneOfFrom, (i, dense) => {
        const e = tr.ev[i];
        const x = this.laneX(e[2], g);
        const y = Y(e[0]);
        addHit(x, y, i);
        if (dense) {
          denseMarks.add(x + 5, y);
          return;
        }
        const timer = tr.timers.get(e[4]);
        if (e[1] === "timer-set") {
          const p = setMarks.path();
          p.moveTo(x + 3.5, y);
          p.arc(x, y, 3.5, 0, Math.PI * 2);
          if (timer && timer.fire >= 0) {
            const l = lines.path();
            l.moveTo(x + 7, y);
            l.lineTo(x + 7, clampY(Y(tr.ev[timer.fire][0])));
          } else if (timer && timer.cancel < 0) {
            const l = lines.path();
            l.moveTo(x + 7, y);
            l.lineTo(x + 7, clampY(Y(now)));
          }
        } else if (e[1] === "timer-fire") {
          const p = fireMarks.path();
          p.moveTo(x + 3.5, y);
          p.arc(x, y, 3.5, 0, Math.PI * 2);
          if (timer && timer.set >= 0 && tr.ev[timer.set][0] < t0) {
            const l = lines.path();
            l.moveTo(x + 7, plotTop - 5);
            l.lineTo(x + 7, y);
          }
        } else {
          const p = cancelMarks.path();
          p.moveTo(x + 3.5, y);
          p.arc(x, y, 3.5, 0, Math.PI * 2);
          p.moveTo(x - 3, y + 3);
          p.lineTo(x + 3, y - 3);
        }
      })) sampled = true;
      for (const b of [lines, setMarks, fireMarks, cancelMarks, denseMarks]) b.flush();
    }

    // messages: send dots and duplicate diamonds (deliveries are the arrow heads above)
    {
      const sendMarks = new Batch(ctx, "fill", COLORS.msg);
      const dupMarks = new Batch(ctx, "fill", COLORS.dup);
      const sendBars = new Bars(ctx, COLORS.msg, 3, 7);
      const dupBars = new Bars(ctx, COLORS.dup, 3, 7);
      const msgLane = (i) => {
        const e = tr.ev[i];
        const k = tr.lane.get(e[1] === "deliver" ? e[3] : e[2]);
        return k === undefined ? -1 : k;
      };
      if (tr.series.msg.visible(t0, t1, LIMIT.msg, rows, lanes, msgLane, (i, dense) => {
        const e = tr.ev[i];
        if (e[1] === "deliver") {
          addHit(this.laneX(e[3], g), Y(e[0]), i);
          return;
        }
        const x = this.laneX(e[2], g);
        const y = Y(e[0]);
        addHit(x, y, i);
        if (dense) {
          (e[1] === "duplicate" ? dupBars : sendBars).add(x - 5, y);
        } else if (e[1] === "duplicate") {
          const p = dupMarks.path();
          p.moveTo(x, y - 5);
          p.lineTo(x + 5, y);
          p.lineTo(x, y + 5);
          p.lineTo(x - 5, y);
          p.closePath();
        } else {
          const p = sendMarks.path();
          p.moveTo(x + 3, y);
          p.arc(x, y, 3, 0, Math.PI * 2);
        }
      })) sampled = true;
      sendMarks.flush();
      dupMarks.flush();
      sendBars.flush();
      dupBars.flush();
    }

    // drops: a red ×
    {
      const marks = new Batch(ctx, "stroke", COLORS.drop, null, 2.2);
      const denseMarks = new Bars(ctx, COLORS.drop, 4, 7);
      const dropLane = (i) => {
        const k = tr.lane.get(tr.ev[i][3]);
        return k === undefined ? -1 : k;
      };
      if (tr.series.drop.visible(t0, t1, LIMIT.drop, rows, lanes, dropLane, (i, dense) => {
        const p = this.point(i, g);
        addHit(p.x, p.y, i);
        if (dense) {
          denseMarks.add(p.x + 10, p.y);
          return;
        }
        const path = marks.path();
        path.moveTo(p.x - 4, p.y - 4);
        path.lineTo(p.x + 4, p.y + 4);
        path.moveTo(p.x + 4, p.y - 4);
        path.lineTo(p.x - 4, p.y + 4);
      })) sampled = true;
      marks.flush();
      denseMarks.flush();
    }

    // log lines: a teal square, and the text when there is room
    {
      const marks = new Batch(ctx, "fill", COLORS.log);
      const bars = new Bars(ctx, COLORS.log, 3, 7);
      const logs = [];
      const dense = tr.series.log.visible(t0, t1, LIMIT.log, rows, lanes, laneOfFrom, (i, isDense) => {
        const e = tr.ev[i];
        const x = this.laneX(e[2], g);
        const y = Y(e[0]);
        addHit(x, y, i);
        if (isDense) {
          bars.add(x, y);
        } else {
          marks.path().rect(x - 3, y - 3, 6, 6);
          logs.push(i);
        }
      });
      if (dense) sampled = true;
      marks.flush();
      bars.flush();
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      const maxW = Math.max(0, g.laneW - 26);
      if (!dense && maxW >= 30) {
        const lastY = new Map();
        let labels = 0;
        for (const i of logs) {
          const e = tr.ev[i];
          const y = Y(e[0]);
          const prev = lastY.get(e[2]);
          if (prev !== undefined && y - prev < 12) continue;
          if (++labels > 250) break;
          lastY.set(e[2], y);
          haloText(ctx, fitText(ctx, String(e[6] ?? ""), maxW), this.laneX(e[2], g) + 8, y, COLORS.log);
        }
      }
    }

    // faults and starts: distinct marks with labels
    {
      ctx.font = "600 11px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      const labelY = new Map();
      const faultLane = (i) => {
        const k = tr.lane.get(tr.ev[i][2]);
        return k === undefined ? lanes : k;
      };
      if (tr.series.fault.visible(t0, t1, LIMIT.fault, rows, lanes, faultLane, (i) => {
        const e = tr.ev[i];
        const p = this.point(i, g);
        addHit(p.x, p.y, i);
        const detail = String(e[6] ?? "");
        if (e[1] === "fault" && detail.startsWith("heal-all")) {
          ctx.strokeStyle = COLORS.heal;
          ctx.setLineDash([5, 3]);
          ctx.beginPath();
          ctx.moveTo(AXIS, p.y);
          ctx.lineTo(g.plotW, p.y);
          ctx.stroke();
          ctx.setLineDash([]);
        }
        drawFaultMark(ctx, e, p.x, p.y);
        const prev = labelY.get(p.x);
        if (prev !== undefined && p.y - prev < 13) return;
        labelY.set(p.x, p.y);
        const label = e[1] === "start" ? "start" : detail;
        haloText(ctx, label, p.x + 9, p.y - 7, e[1] === "start" ? COLORS.start : faultColor(detail));
        ctx.font = "600 11px system-ui, sans-serif";
      })) sampled = true;
    }

    // fork point, until, now
    if (branch && branch.forkMicros >= t0 && branch.forkMicros <= t1) {
      hLine(ctx, Y(branch.forkMicros), g.plotW, COLORS.fork, [6, 3], "fork", "left");
    }
    const until = this.state.untilMicros;
    if (until >= 0 && until >= t0 && until <= t1) hLine(ctx, Y(until), g.plotW, COLORS.until, [2, 3], "until", "left");
    if (now >= t0 && now <= t1) hLine(ctx, yNow, g.plotW, COLORS.now, [], this.state.done ? "end" : "now", "right");

    // the first difference between the original and the branch
    if (branch && page.divergence >= 0) {
      const p = this.point(page.divergence, g);
      if (p && p.y >= plotTop - 10 && p.y <= plotBottom + 10) {
        const nearFork = branch.forkMicros >= 0 && Math.abs(p.y - Y(branch.forkMicros)) < 16;
        hLine(ctx, p.y, g.plotW, COLORS.diverge, [3, 3], "first difference", nearFork ? "right" : "left");
        ring(ctx, p.x, p.y, 11, COLORS.diverge, 3);
      }
    }
    ctx.restore();

    this.drawAxis(ctx, g, t0, t1, step);
    this.drawHeader(ctx, g);
    this.sampled = sampled;
    if (sampled) {
      const text = "dense: bars beside the lanes show where events are, arrows are sampled — zoom in (drag, ctrl+wheel or +) to see every event";
      ctx.font = "11px system-ui, sans-serif";
      const w = Math.min(g.plotW - AXIS - 10, ctx.measureText(text).width + 12);
      ctx.fillStyle = "rgba(255, 243, 191, 0.95)";
      ctx.fillRect(g.plotW - w - 6, this.cssH - 24, w, 18);
      ctx.fillStyle = "#5c3c00";
      ctx.textBaseline = "middle";
      ctx.fillText(fitText(ctx, text, w - 12), g.plotW - w, this.cssH - 15);
    }
  }

  /** The highlights: the hovered or selected event and every hop of its message. */
  drawOverlay(ctx) {
    const g = this.g || this.geometry();
    const tr = this.trace;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, HEADER, g.plotW, this.cssH - HEADER);
    ctx.clip();
    const hl = highlightedMessage(this);
    if (hl) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = COLORS.hover;
      ctx.fillStyle = COLORS.hover;
      for (const end of hl.ends) {
        const o = tr.originOf.get(end);
        if (o === undefined) continue;
        const p = this.point(end, g);
        const x1 = this.laneX(tr.ev[o][2], g);
        const y1 = this.y(tr.ev[o][0]);
        const seg = clipSegment(x1, y1, p.x, p.y, HEADER - 20, this.cssH + 20);
        if (!seg) continue;
        ctx.beginPath();
        ctx.moveTo(seg[0], seg[1]);
        ctx.lineTo(seg[2], seg[3]);
        ctx.stroke();
        if (tr.ev[end][1] === "deliver") {
          ctx.beginPath();
          arrowHead(ctx, x1, y1, p.x, p.y, 10);
          ctx.fill();
        }
      }
      ctx.lineWidth = 1;
    }
    if (page.selected && page.selected.pane === this) {
      const p = this.point(page.selected.idx, g);
      if (p) ring(ctx, p.x, p.y, 9, COLORS.select, 2.5);
    }
    if (page.hover && page.hover.pane === this && page.hover.idx !== undefined) {
      const p = this.point(page.hover.idx, g);
      if (p) ring(ctx, p.x, p.y, 8, COLORS.hover, 2);
    }
    ctx.restore();
  }

  drawAxis(ctx, g, t0, t1, step) {
    ctx.fillStyle = "#f8f9fb";
    ctx.fillRect(0, HEADER, AXIS - 4, this.cssH - HEADER);
    ctx.strokeStyle = "#d5dbe3";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(AXIS - 4.5, HEADER);
    ctx.lineTo(AXIS - 4.5, this.cssH);
    ctx.stroke();
    ctx.fillStyle = COLORS.axis;
    ctx.font = "11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    ctx.textBaseline = "middle";
    ctx.textAlign = "right";
    const decimals = Math.max(0, Math.min(3, 3 - Math.floor(Math.log10(step) + 1e-9)));
    ctx.beginPath();
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const y = Math.round(this.y(t)) + 0.5;
      if (y < HEADER + 6 || t < 0) continue;
      ctx.fillText((t / 1000).toFixed(decimals), AXIS - 10, y);
      ctx.moveTo(AXIS - 8, y);
      ctx.lineTo(AXIS - 4, y);
    }
    ctx.stroke();
    ctx.textAlign = "left";
  }

  drawHeader(ctx, g) {
    ctx.fillStyle = "#f1f3f6";
    ctx.fillRect(0, 0, this.cssW, HEADER);
    ctx.strokeStyle = "#d5dbe3";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, HEADER - 0.5);
    ctx.lineTo(this.cssW, HEADER - 0.5);
    ctx.stroke();
    ctx.fillStyle = COLORS.axis;
    ctx.font = "600 11px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.fillText("time (ms) ↓", 8, HEADER / 2);
    const crashed = new Set(this.state.crashed || []);
    ctx.textAlign = "center";
    for (const node of this.trace.nodes) {
      const x = this.laneX(node, g);
      const down = crashed.has(node);
      ctx.font = "600 12px system-ui, sans-serif";
      ctx.fillStyle = down ? COLORS.drop : COLORS.laneText;
      const label = g.laneW < 48 ? String(node) : `node ${node}`;
      ctx.fillText(label, x, down ? HEADER / 2 - 6 : HEADER / 2);
      if (down) {
        ctx.font = "600 10px system-ui, sans-serif";
        ctx.fillText("crashed", x, HEADER / 2 + 8);
      }
    }
    ctx.textAlign = "left";
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers
// ---------------------------------------------------------------------------------------------

/**
 * Subpaths of one style, filled or stroked every 150 subpaths: one path with thousands of subpaths
 * rasterizes far slower than a few short ones.
 */
class Batch {
  constructor(ctx, mode, color, dash = null, width = 1, fillFirst = null) {
    this.ctx = ctx;
    this.mode = mode;
    this.color = color;
    this.dash = dash;
    this.width = width;
    this.fillFirst = fillFirst;
    this.p = new Path2D();
    this.n = 0;
  }
  path() {
    if (this.n >= 150) this.flush();
    this.n++;
    return this.p;
  }
  flush() {
    if (this.n === 0) return;
    const ctx = this.ctx;
    if (this.fillFirst) {
      ctx.fillStyle = this.fillFirst;
      ctx.fill(this.p);
    }
    if (this.mode === "fill") {
      ctx.fillStyle = this.color;
      ctx.fill(this.p);
    } else {
      ctx.strokeStyle = this.color;
      ctx.lineWidth = this.width;
      if (this.dash) ctx.setLineDash(this.dash);
      ctx.stroke(this.p);
      if (this.dash) ctx.setLineDash([]);
      ctx.lineWidth = 1;
    }
    this.p = new Path2D();
    this.n = 0;
  }
}

/**
 * The summary of a dense window: per lane, consecutive marks merge into one bar (an activity bar),
 * so the summary costs a few rectangles per lane whatever the number of events.
 */
class Bars {
  constructor(ctx, color, width, gap) {
    this.ctx = ctx;
    this.color = color;
    this.width = width;
    this.gap = gap;
    this.runs = new Map();
    this.rects = [];
  }
  add(x, y) {
    const r = this.runs.get(x);
    if (r && y - r.y1 <= this.gap && y >= r.y0) {
      r.y1 = y;
      return;
    }
    if (r) this.rects.push(r);
    this.runs.set(x, { x, y0: y, y1: y });
  }
  flush() {
    const ctx = this.ctx;
    ctx.fillStyle = this.color;
    for (const r of [...this.rects, ...this.runs.values()]) ctx.fillRect(r.x - this.width / 2, r.y0 - 1.5, this.width, r.y1 - r.y0 + 3);
    this.rects = [];
    this.runs.clear();
  }
}

function tickStep(px) {
  const raw = 64 / px; // µs between ticks at least 64 px apart
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return 10 * p;
}

const hatchCache = new WeakMap();
function hatchPattern(ctx) {
  let pattern = hatchCache.get(ctx);
  if (!pattern) {
    const tile = document.createElement("canvas");
    tile.width = 8;
    tile.height = 8;
    const t = tile.getContext("2d");
    t.fillStyle = "rgba(134, 142, 150, 0.22)";
    t.fillRect(0, 0, 8, 8);
    t.strokeStyle = "rgba(52, 58, 64, 0.55)";
    t.lineWidth = 1.2;
    t.beginPath();
    t.moveTo(0, 8);
    t.lineTo(8, 0);
    t.moveTo(-2, 2);
    t.lineTo(2, -2);
    t.moveTo(6, 10);
    t.lineTo(10, 6);
    t.stroke();
    pattern = ctx.createPattern(tile, "repeat");
    hatchCache.set(ctx, pattern);
  }
  return pattern;
}

/** Adds a filled arrow head at (x2, y2) pointing from (x1, y1) to a path or context. */
function arrowHead(path, x1, y1, x2, y2, size) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const a1 = angle + Math.PI - 0.42;
  const a2 = angle + Math.PI + 0.42;
  path.moveTo(x2, y2);
  path.lineTo(x2 + size * Math.cos(a1), y2 + size * Math.sin(a1));
  path.lineTo(x2 + size * Math.cos(a2), y2 + size * Math.sin(a2));
  path.closePath();
}

/** The part of a segment between y = top and y = bottom, or null. */
function clipSegment(x1, y1, x2, y2, top, bottom) {
  if ((y1 < top && y2 < top) || (y1 > bottom && y2 > bottom)) return null;
  const dy = y2 - y1;
  const at = (y) => (dy === 0 ? x1 : x1 + ((x2 - x1) * (y - y1)) / dy);
  const ax = y1 < top ? at(top) : y1 > bottom ? at(bottom) : x1;
  const ay = Math.max(top, Math.min(bottom, y1));
  const bx = y2 < top ? at(top) : y2 > bottom ? at(bottom) : x2;
  const by = Math.max(top, Math.min(bottom, y2));
  return [ax, ay, bx, by];
}

function segDist2(px, py, x1, y1, x2, y2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  let t = len > 0 ? ((px - x1) * dx + (py - y1) * dy) / len : 0;
  t = Math.max(0, Math.min(1, t));
  const cx = x1 + t * dx - px;
  const cy = y1 + t * dy - py;
  return cx * cx + cy * cy;
}

function ring(ctx, x, y, r, color, width) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 1;
}

function hLine(ctx, y, plotW, color, dash, label, side) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(AXIS - 4, Math.round(y) + 0.5);
  ctx.lineTo(plotW, Math.round(y) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  ctx.font = "600 10px system-ui, sans-serif";
  ctx.textBaseline = "bottom";
  const w = ctx.measureText(label).width + 8;
  const x = side === "left" ? AXIS + 2 : plotW - w - 4;
  ctx.fillStyle = color;
  ctx.fillRect(x, y - 14, w, 13);
  ctx.fillStyle = "#fff";
  ctx.fillText(label, x + 4, y - 2.5);
  ctx.textBaseline = "middle";
}

function haloText(ctx, text, x, y, color) {
  ctx.lineWidth = 3;
  ctx.strokeStyle = "rgba(255,255,255,0.9)";
  ctx.lineJoin = "round";
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.lineWidth = 1;
}

function fitText(ctx, text, maxW) {
  if (ctx.measureText(text).width <= maxW) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + "…").width <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + "…";
}

function faultColor(detail) {
  const word = String(detail ?? "").split(/\s+/)[0];
  if (word === "crash") return COLORS.crash;
  if (word === "restart" || word === "heal" || word === "heal-all") return COLORS.heal;
  if (word === "partition" || word === "isolate") return COLORS.cut;
  return COLORS.link;
}

/** A fault or start mark (also used by the legend). */
function drawFaultMark(ctx, e, x, y) {
  const kind = e[1];
  const word = String(e[6] ?? "").split(/\s+/)[0];
  ctx.lineWidth = 1.5;
  if (kind === "start") {
    ctx.fillStyle = COLORS.start;
    ctx.beginPath();
    ctx.moveTo(x - 5, y - 4);
    ctx.lineTo(x + 5, y - 4);
    ctx.lineTo(x, y + 4);
    ctx.closePath();
    ctx.fill();
    return;
  }
  if (word === "crash") {
    ctx.fillStyle = COLORS.crash;
    ctx.fillRect(x - 6, y - 6, 12, 12);
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - 3, y - 3);
    ctx.lineTo(x + 3, y + 3);
    ctx.moveTo(x + 3, y - 3);
    ctx.lineTo(x - 3, y + 3);
    ctx.stroke();
  } else if (word === "restart") {
    ctx.fillStyle = "#fff";
    ctx.strokeStyle = COLORS.restart;
    ctx.lineWidth = 2.2;
    ctx.beginPath();
    ctx.arc(x, y, 5, -Math.PI * 0.35, Math.PI * 1.45);
    ctx.stroke();
    ctx.fillStyle = COLORS.restart;
    ctx.beginPath();
    ctx.moveTo(x + 2, y - 7);
    ctx.lineTo(x + 7, y - 5);
    ctx.lineTo(x + 3, y - 1);
    ctx.closePath();
    ctx.fill();
  } else if (word === "partition" || word === "isolate" || word === "heal" || word === "heal-all") {
    const color = word.startsWith("heal") ? COLORS.heal : COLORS.cut;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (word.startsWith("heal")) {
      ctx.moveTo(x - 3, y);
      ctx.lineTo(x + 3, y);
    } else {
      ctx.moveTo(x - 3, y + 3);
      ctx.lineTo(x + 3, y - 3);
    }
    ctx.stroke();
  } else {
    ctx.fillStyle = COLORS.link;
    ctx.beginPath();
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x + 6, y);
    ctx.lineTo(x, y + 6);
    ctx.lineTo(x - 6, y);
    ctx.closePath();
    ctx.fill();
  }
  ctx.lineWidth = 1;
}

/** The message whose arrows to emphasise: of the hovered or selected event, in this pane. */
function highlightedMessage(pane) {
  for (const ref of [page.hover, page.selected]) {
    if (!ref || ref.pane !== pane || ref.idx === undefined) continue;
    const e = pane.trace.ev[ref.idx];
    if (e && ["send", "duplicate", "deliver", "drop"].includes(e[1])) return pane.trace.msgs.get(e[4]) || null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// View: time extent, zoom, follow
// ---------------------------------------------------------------------------------------------

function extentMicros() {
  let end = 0;
  for (const pane of page.panes) {
    if (!pane.state) continue;
    end = Math.max(end, pane.state.nowMicros, pane.trace.lastTime);
  }
  return Math.max(1000, end * 1.04 + 200);
}

function plotHeight() {
  return original ? original.plotH : 500;
}

function fitPx() {
  return Math.max(1e-9, plotHeight() - TOP_PAD) / extentMicros();
}

/** The earliest and latest view.start at the current zoom (the earliest leaves TOP_PAD above 0). */
function startRange() {
  const minStart = -TOP_PAD / view.px;
  const maxStart = Math.max(minStart, extentMicros() - plotHeight() / view.px);
  return [minStart, maxStart];
}

function clampView() {
  const minPx = fitPx();
  if (view.fit) {
    view.px = minPx;
    view.start = -TOP_PAD / view.px;
    return;
  }
  view.px = Math.max(minPx, Math.min(MAX_PX_PER_US, view.px));
  const [minStart, maxStart] = startRange();
  view.start = Math.max(minStart, Math.min(view.start, maxStart));
}

function zoomAt(timeMicros, factor) {
  const plotH = plotHeight();
  const yRel = (timeMicros - view.start) * view.px;
  const newPx = Math.max(fitPx(), Math.min(MAX_PX_PER_US, view.px * factor));
  view.fit = newPx <= fitPx() * 1.0001 && factor < 1;
  view.px = newPx;
  view.start = timeMicros - yRel / newPx;
  if (!Number.isFinite(view.start)) view.start = 0;
  clampView();
  void plotH;
  requestDraw();
}

function zoomToRange(a, b) {
  const plotH = plotHeight();
  const span = Math.max(plotH / MAX_PX_PER_US, b - a);
  view.fit = false;
  view.px = Math.max(fitPx(), Math.min(MAX_PX_PER_US, plotH / span));
  view.start = a;
  clampView();
  requestDraw();
}

function zoomCenter(factor) {
  zoomAt(view.start + plotHeight() / view.px / 2, factor);
}

function zoomFit() {
  view.fit = true;
  requestDraw();
}

/** Scrolls so that timeMicros is in view (centered if it was not). */
function reveal(timeMicros) {
  if (view.fit) return;
  const span = plotHeight() / view.px;
  if (timeMicros < view.start || timeMicros > view.start + span) view.start = timeMicros - span / 2;
  clampView();
}

function followNow() {
  if (view.fit || !view.follow || !page.target || !page.target.state) return;
  const now = page.target.state.nowMicros;
  const span = plotHeight() / view.px;
  if (now > view.start + span * 0.92 || now < view.start) view.start = now - span * 0.8;
  clampView();
}

let drawQueued = false;
function requestDraw() {
  if (drawQueued) return;
  drawQueued = true;
  nextFrame(drawNow);
}

function drawNow() {
  drawQueued = false;
  const t = performance.now();
  for (const pane of page.panes) {
    if (pane.needsMeasure) {
      pane.needsMeasure = false;
      pane.measure();
    }
  }
  clampView();
  for (const pane of page.panes) {
    pane.syncScroller();
    pane.draw();
  }
  page.lastDrawMs = performance.now() - t;
}

// ---------------------------------------------------------------------------------------------
// Details panel and tooltip
// ---------------------------------------------------------------------------------------------

function tooltipText(pane, i) {
  const e = pane.trace.ev[i];
  if (!e) return "";
  const lines = [`#${i} ${e[1]} · ${fmtMs(e[0])} ms`];
  const [, kind, from, to, id, payload, detail] = e;
  if (["send", "duplicate", "deliver", "drop"].includes(kind)) lines.push(`node ${from} → node ${to} · message #${id}`);
  else if (kind === "fault") lines.push(String(detail));
  else lines.push(`node ${from}`);
  if (payload !== null && payload !== undefined) lines.push(truncate(String(payload), 120));
  if (kind === "drop") lines.push(`reason: ${detail}`);
  if (kind === "log") lines.push(truncate(String(detail ?? ""), 160));
  return lines.join("\n");
}

function truncate(text, n) {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

function showDetails() {
  const box = $("event-details");
  const ref = page.hover || page.selected;
  box.replaceChildren();
  if (!ref || !ref.pane.state) {
    box.appendChild(el("p", { className: "muted" }, "Hover over or click an event in the diagram to see its time, kind, nodes, message and payload here. A click pins it."));
    return;
  }
  const runName = branch ? (ref.pane === branch ? "branch" : "original run") : null;
  if (ref.interval) {
    if (runName) box.appendChild(el("p", { className: "muted" }, runName));
    box.appendChild(el("p", { className: "details-text" }, ref.interval.text));
    return;
  }
  const tr = ref.pane.trace;
  const i = ref.idx;
  const e = tr.ev[i];
  if (!e) return;
  const [t, kind, from, to, id, payload, detail] = e;
  const rows = [];
  rows.push(["event", `#${i} · ${kind} (${KIND_TEXT[kind] || kind})`]);
  if (runName) rows.push(["run", runName]);
  rows.push(["time", `${fmtMs(t)} ms (${t} µs)`]);
  if (["send", "duplicate", "deliver", "drop"].includes(kind)) {
    rows.push(["from", `node ${from}`]);
    rows.push(["to", `node ${to}`]);
    rows.push(["message id", `#${id}`]);
  } else if (kind === "fault") {
    if (from >= 0) rows.push(["node", to >= 0 ? `node ${from}, node ${to}` : `node ${from}`]);
  } else {
    rows.push(["node", `node ${from}`]);
  }
  if (kind.startsWith("timer")) rows.push(["timer id", `#${id}`]);
  if (payload !== null && payload !== undefined) rows.push(["payload", String(payload)]);
  if (detail !== null && detail !== undefined) rows.push([kind === "drop" ? "reason" : kind === "fault" ? "fault" : kind === "log" ? "log line" : "detail", String(detail)]);

  // what happened to the same message or timer
  const related = [];
  if (["send", "duplicate", "deliver", "drop"].includes(kind)) {
    const m = tr.msgs.get(id);
    if (m) {
      for (const o of m.origins) related.push(`${tr.ev[o][1] === "send" ? "sent" : "duplicated"} at ${fmtMs(tr.ev[o][0])} ms by node ${tr.ev[o][2]}`);
      for (const end of m.ends) {
        const ee = tr.ev[end];
        const o = tr.originOf.get(end);
        const latency = o !== undefined ? ` after ${fmtMs(ee[0] - tr.ev[o][0])} ms` : "";
        related.push(ee[1] === "deliver" ? `delivered at ${fmtMs(ee[0])} ms to node ${ee[3]}${latency}` : `dropped at ${fmtMs(ee[0])} ms${latency}: ${ee[6]}`);
      }
      if (m.ends.length < m.origins.length) related.push(`in flight at ${fmtMs(ref.pane.state.nowMicros)} ms (not delivered yet)`);
    }
  } else if (kind.startsWith("timer")) {
    const timer = tr.timers.get(id);
    if (timer) {
      if (timer.set >= 0) related.push(`set at ${fmtMs(tr.ev[timer.set][0])} ms`);
      if (timer.fire >= 0) related.push(`fired at ${fmtMs(tr.ev[timer.fire][0])} ms`);
      if (timer.cancel >= 0) related.push(`cancelled at ${fmtMs(tr.ev[timer.cancel][0])} ms`);
      if (timer.fire < 0 && timer.cancel < 0) related.push("pending");
    }
  }
  const dl = el("dl", { className: "details-list" });
  for (const [k, v] of rows) dl.append(el("dt", null, k), el("dd", null, v));
  box.appendChild(dl);
  if (related.length) {
    box.appendChild(el("p", { className: "details-sub" }, kind.startsWith("timer") ? "this timer:" : "this message:"));
    const ul = el("ul", { className: "details-related" });
    for (const line of related) ul.appendChild(el("li", null, line));
    box.appendChild(ul);
  }
  // other events at the same point
  const same = [];
  for (let k = Math.max(0, i - 40); k < Math.min(tr.ev.length, i + 40); k++) {
    if (k !== i && tr.ev[k][0] === t && same.length < 6) same.push(k);
  }
  if (same.length) {
    box.appendChild(el("p", { className: "details-sub" }, `also at ${fmtMs(t)} ms:`));
    const ul = el("ul", { className: "details-related" });
    for (const k of same) ul.appendChild(el("li", null, `#${k} ${describeEvent(tr.ev[k]).replace(/^\S+ ms /, "")}`));
    box.appendChild(ul);
  }
  if (page.selected && page.selected.pane === ref.pane && page.selected.idx === i) {
    box.appendChild(el("p", { className: "muted" }, "pinned — click empty space to unpin"));
  }
}

// ---------------------------------------------------------------------------------------------
// Status, controls, inspector, URL
// ---------------------------------------------------------------------------------------------

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function clearError() {
  const box = $("error");
  box.textContent = "";
  box.hidden = true;
  const notice = $("notice");
  notice.textContent = "";
  notice.hidden = true;
}

/** Something worth knowing that is not an error. */
function showNotice(message) {
  const box = $("notice");
  box.textContent = message;
  box.hidden = false;
}

function setBodyState(value) {
  if (document.body.dataset.state !== value) document.body.dataset.state = value;
}

function paneState(pane) {
  if (!pane || !pane.state) return "error";
  if (page.running && (pane === page.target || page.runBoth)) return "running";
  if (pane.state.done) return "done";
  if (pane.state.step <= pane.state.firstStep && !pane.touched) return "ready";
  return "paused";
}

function statusText(st, running) {
  let text = `step ${st.step} · ${st.eventCount} events handled · ${fmtMs(st.nowMicros)} ms`;
  if (st.done) text += ` · done: ${st.endReason}`;
  else if (running) text += " · running";
  else if (st.nextMicros >= 0) text += ` · next step at ${fmtMs(st.nextMicros)} ms`;
  return text;
}

function shortStatus(st, running) {
  return `step ${st.step} · ${fmtMs(st.nowMicros)} ms${st.done ? " · done" : running ? " · running" : ""}`;
}

function updateStatus() {
  const pane = page.target;
  const st = pane && pane.state;
  setBodyState(st ? paneState(pane) : original && original.state ? "done" : "error");
  if (!st) {
    setText("status", "no run is open");
    setText("trace-hash", "");
    setText("event-count", "0");
    $("hash-box").hidden = true;
    $("hash-pending").hidden = false;
    for (const id of ["fact-sim", "fact-seed", "fact-time", "fact-step", "fact-events"]) setText(id, "—");
    setText(original.titleEl, "original run");
    setText("pane-hash-original", "");
    $("violation-banner").hidden = true;
    $("failure-banner").hidden = true;
    $("skipped").hidden = true;
    setText("violation", "");
    return;
  }
  setText("status", statusText(st, page.running));
  setText("event-count", String(pane.trace.ev.length));
  setText("trace-hash", st.done ? st.traceHash : "");
  $("hash-box").hidden = !st.done;
  $("hash-pending").hidden = st.done;
  const sim = page.sims.find((s) => s.name === st.name);
  setText("fact-sim", sim ? sim.title : st.name);
  setText("fact-seed", page.config ? page.config.seed + (page.config.runSeed ? ` (run seed ${page.config.runSeed})` : "") : st.seed);
  setText("fact-time", `${fmtMs(st.nowMicros)} ms`);
  setText("fact-step", String(st.step));
  setText("fact-events", String(pane.trace.ev.length));
  setText("fact-run", branch ? (pane === branch ? "branch" : "original") : "original");

  // violation and failure: of the original (a branch is not a checked scenario)
  const violation = original && original.state ? original.state.violation : null;
  setText("violation", violation || "");
  $("violation-banner").hidden = !violation;
  const failure = st.failure;
  setText("failure", failure || "");
  $("failure-banner").hidden = !failure;
  const skipped = st.skipped || [];
  setText("skipped", skipped.length ? `skipped faults (could not apply when due: a crash of a crashed node or a restart of a running one): ${skipped.join("; ")}` : "");
  $("skipped").hidden = skipped.length === 0;

  // pane titles
  if (original && original.state) setText(original.titleEl, `original run · ${shortStatus(original.state, page.running && (page.target === original || page.runBoth))}`);
  if (branch && branch.state) setText(branch.titleEl, `branch from step ${branch.state.firstStep} · ${shortStatus(branch.state, page.running && (page.target === branch || page.runBoth))}`);
  for (const p of page.panes) {
    p.container.parentElement.classList.toggle("is-target", branch !== null && p === page.target);
    p.titleEl.title = p.titleEl.textContent;
  }
  setText("pane-hash-original", branch && original.state.done ? original.state.traceHash : "");
  setText("pane-hash-branch", branch && branch.state && branch.state.done ? branch.state.traceHash : "");
}

function updateControls() {
  const pane = page.target;
  const st = pane && pane.state;
  const has = !!st;
  const running = page.running;
  $("run-button").disabled = !has || running || st.done;
  $("pause-button").disabled = !running;
  $("step-button").disabled = !has || running || st.done;
  $("back-button").disabled = !has || running || st.step <= st.firstStep;
  $("run-to-button").disabled = !has || running;
  const scrub = $("scrubber");
  scrub.disabled = !has || running;
  if (has) {
    scrub.min = String(st.firstStep);
    scrub.max = String(Math.max(pane.maxStep, st.step, st.firstStep));
    if (page.pendingSeek === null) scrub.value = String(st.step);
    setText("scrubber-label", `step ${st.step} of ${Math.max(pane.maxStep, st.step)}${st.done ? " (end)" : ""}`);
  } else {
    setText("scrubber-label", "");
  }
  for (const id of ["crash-button", "restart-button", "partition-button", "heal-button", "isolate-button", "heal-all-button", "apply-fault-button"]) {
    $(id).disabled = !has || running;
  }
  $("fork-button").disabled = !original || !original.state || running;
  $("download-jsonl").disabled = !has;
  $("download-perfetto").disabled = !has;
  $("copy-link").disabled = !original || !original.state;
  $("target-select").disabled = !branch;
  $("run-both-button").disabled = !branch || running || (original.state && original.state.done && branch.state && branch.state.done);
  $("close-branch-button").disabled = !branch || running;
  $("copy-branch-link").disabled = !branch;
  $("target-select").value = page.target === branch && branch ? "branch" : "original";

  // node selects
  const nodes = st ? st.nodes : [];
  for (const id of ["fault-node", "fault-peer"]) {
    const select = $(id);
    const current = [...select.options].map((o) => o.value).join(",");
    if (current !== nodes.join(",")) {
      const keep = select.value;
      select.replaceChildren(...nodes.map((n) => el("option", { value: String(n) }, `node ${n}`)));
      if (nodes.map(String).includes(keep)) select.value = keep;
      else if (id === "fault-peer" && nodes.length > 1) select.value = String(nodes[nodes.length - 1]);
    }
  }
  const crashed = new Set(st ? st.crashed : []);
  for (const option of $("fault-node").options) {
    const n = Number(option.value);
    const label = crashed.has(n) ? `node ${n} (down)` : `node ${n}`;
    if (option.textContent !== label) option.textContent = label;
  }
}

function updateInspector(force) {
  const pane = page.target;
  const now = performance.now();
  if (!force && page.running && now - page.lastInspector < 300) return;
  page.lastInspector = now;
  const box = $("inspector");
  if (!pane || !pane.state) {
    box.replaceChildren(el("p", { className: "muted" }, "No run is open."));
    return;
  }
  const r = call("nodes", pane.session);
  if (!r.ok) {
    box.replaceChildren(el("p", { className: "error-text" }, `could not read the nodes: ${r.error}`));
    return;
  }
  setText("inspector-caption", `${branch ? (pane === branch ? "branch" : "original run") + ", " : ""}at ${fmtMs(pane.state.nowMicros)} ms (step ${pane.state.step})`);
  const cards = new Map([...box.querySelectorAll(".node-card")].map((c) => [c.dataset.node, c]));
  const wanted = r.nodes.map((n) => String(n.id));
  if (cards.size !== wanted.length || wanted.some((id) => !cards.has(id))) {
    box.replaceChildren();
    cards.clear();
    for (const n of r.nodes) {
      const title = el("div", { className: "node-title" }, el("span", { className: "node-name" }, `node ${n.id}`), el("span", { className: "node-badge" }));
      const pre = el("pre", { className: "node-state", dataset: { node: String(n.id) } });
      const card = el("div", { className: "node-card", dataset: { node: String(n.id) } }, title, pre);
      box.appendChild(card);
      cards.set(String(n.id), card);
    }
  }
  for (const n of r.nodes) {
    const card = cards.get(String(n.id));
    const pre = card.querySelector(".node-state");
    const text = prettyState(n.state);
    const changed = pre.textContent !== "" && pre.textContent !== text;
    if (pre.textContent !== text) pre.textContent = text;
    card.classList.toggle("changed", changed);
    card.classList.toggle("crashed", !!n.crashed);
    setText(card.querySelector(".node-badge"), n.crashed ? "crashed" : changed ? "changed" : "running");
  }
}

/**
 * A node's state, pretty-printed: JSON read as written (keys keep their order, numbers their digits,
 * unlike JSON.parse), each object or array on one line when it fits, else one member per line.
 * Text that is not JSON comes back unchanged.
 */
function prettyState(text) {
  const src = String(text ?? "");
  const STRING = /"(?:[^"\\]|\\.)*"/y;
  const LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  const space = () => {
    while (i < src.length && (src[i] === " " || src[i] === "\n" || src[i] === "\r" || src[i] === "\t")) i++;
  };
  const token = (re) => {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new Error("not JSON");
    i = re.lastIndex;
    return m[0];
  };
  const expect = (c) => {
    space();
    if (src[i] !== c) throw new Error("not JSON");
    i++;
  };
  const value = (depth) => {
    if (depth > 200) throw new Error("too deep");
    space();
    const c = src[i];
    if (c === "{" || c === "[") {
      const object = c === "{";
      i++;
      const items = [];
      space();
      if (src[i] === (object ? "}" : "]")) {
        i++;
        return { items, object };
      }
      for (;;) {
        space();
        let key = null;
        if (object) {
          key = token(STRING);
          expect(":");
        }
        items.push([key, value(depth + 1)]);
        space();
        if (src[i] === ",") {
          i++;
          continue;
        }
        expect(object ? "}" : "]");
        return { items, object };
      }
    }
    return { raw: c === '"' ? token(STRING) : token(LITERAL) };
  };
  const flat = (node) => {
    if (node.raw !== undefined) return node.raw;
    if (node.flat === undefined) {
      const inner = node.items.map(([k, v]) => (k === null ? "" : k + ": ") + flat(v)).join(", ");
      node.flat = node.object ? `{${inner}}` : `[${inner}]`;
    }
    return node.flat;
  };
  const format = (node, indent) => {
    const one = flat(node);
    if (node.raw !== undefined || one.length + indent.length <= 72 || node.items.length === 0) return one;
    const next = indent + "  ";
    const lines = node.items.map(([k, v]) => next + (k === null ? "" : k + ": ") + format(v, next));
    return (node.object ? "{" : "[") + "\n" + lines.join(",\n") + "\n" + indent + (node.object ? "}" : "]");
  };
  try {
    const root = value(0);
    space();
    if (i !== src.length) return src;
    return format(root, "");
  } catch {
    return src;
  }
}

function faultsForUrl(text) {
  return faultLines(text).join("; ");
}

/** The link that reproduces a run: its simulation, seed, fault schedule and bound. */
function linkFor(pane, withRun) {
  const c = page.config;
  const params = new URLSearchParams();
  const sim = page.sims.find((s) => s.name === (pane.state ? pane.state.name : c.sim));
  if (page.sims.length > 1 || (c.sim && c.sim !== "")) params.set("sim", sim ? sim.title : c.sim);
  params.set("seed", c.seed);
  if (c.runSeed) params.set("run-seed", c.runSeed);
  const faults = pane.state ? pane.state.faults : c.faults;
  if (c.faultsGiven || faultLines(faults).length) params.set("faults", faultsForUrl(faults));
  if (c.until !== "") params.set("until", c.until);
  if (withRun) params.set("run", "");
  const query = params.toString().replace(/=(&|$)/g, "$1");
  return location.pathname + "?" + query;
}

function syncUrl() {
  if (!page.config || !original || !original.state) return;
  const url = linkFor(original, original.state.done);
  if (location.pathname + location.search !== url) history.replaceState(null, "", url);
  const abs = new URL(url, location.href).href;
  $("link-output").value = abs;
}

function refresh(opts = {}) {
  updateStatus();
  updateControls();
  updateInspector(opts.inspector);
  updateDivergence();
  syncUrl();
  requestDraw();
}

// ---------------------------------------------------------------------------------------------
// Opening runs
// ---------------------------------------------------------------------------------------------

function readForm() {
  const faults = $("faults-input").value;
  return {
    sim: $("sim-select").value || "",
    seed: $("seed-input").value.trim(),
    runSeed: $("run-seed-input").value.trim(),
    faults,
    faultsGiven: faults.trim() !== "" || $("checked-input").checked,
    until: $("until-input").value.trim(),
  };
}

function fillForm(c) {
  if (c.sim !== undefined) {
    const match = page.sims.find((s) => s.name === c.sim || s.title === c.sim);
    if (match) $("sim-select").value = match.name;
  }
  $("seed-input").value = c.seed ?? "";
  $("run-seed-input").value = c.runSeed ?? "";
  $("faults-input").value = String(c.faults ?? "");
  $("checked-input").checked = !!c.faultsGiven;
  $("until-input").value = c.until ?? "";
  updateCheckedVisibility();
}

function updateCheckedVisibility() {
  const sim = page.sims.find((s) => s.name === $("sim-select").value) || page.sims[0];
  $("checked-row").hidden = !(sim && sim.scenarios);
}

function closeBranch() {
  if (!branch) return;
  if (page.running) stopRun();
  branch.close();
  page.panes = [original];
  branch = null;
  page.target = original;
  page.divergence = -1;
  if (page.hover && page.hover.pane !== original) page.hover = null;
  if (page.selected && page.selected.pane !== original) page.selected = null;
  $("branch-pane").hidden = true;
  setText("divergence", "");
  setText("divergence-hint", "");
  $("divergence-bar").hidden = true;
  $("show-divergence").hidden = true;
  original.measure();
}

/** Opens the original run with config c (closing what was open); returns true if it opened. */
function openRun(c, runAfter) {
  stopRun();
  closeBranch();
  clearError();
  if (original.session) original.close();
  page.hover = null;
  page.selected = null;
  page.config = { ...c, sim: c.sim || "", until: c.until || "", runSeed: c.runSeed || "", faults: c.faults || "" };
  const st = call("open", c.sim || "", String(c.seed ?? ""), c.runSeed || "", String(c.faults || ""), c.faultsGiven ? 1 : 0, c.until || "");
  if (!st.ok) {
    showError(`Could not open the run: ${st.error}`);
    original.state = null;
    page.target = original;
    setBodyState("error");
    updateStatus();
    setBodyState("error");
    updateControls();
    updateInspector(true);
    showDetails();
    requestDraw();
    return false;
  }
  original.touched = false;
  original.adopt(st);
  page.target = original;
  const sim = page.sims.find((s) => s.name === st.name);
  if (sim) $("sim-select").value = sim.name;
  view.fit = true;
  view.follow = true;
  refresh({ inspector: true });
  showDetails();
  if (runAfter) startRun(false);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Driving a run
// ---------------------------------------------------------------------------------------------

function act(pane, result, opts = {}) {
  if (!result.ok) {
    showError(result.error);
    refresh();
    return false;
  }
  pane.touched = true;
  pane.sync(result);
  if (opts.resetMax) pane.maxStep = result.step;
  followNow();
  refresh({ inspector: true });
  return true;
}

function startRun(both) {
  const pane = page.target;
  if (!pane || !pane.state || page.running) return;
  if (both && !branch) return;
  if (!both && pane.state.done) return;
  clearError();
  page.running = true;
  page.runBoth = both;
  view.follow = true;
  page.chunk = 200;
  refresh();
  nextFrame(runFrame);
}

function stopRun() {
  if (!page.running) return;
  page.running = false;
  page.runBoth = false;
  refresh({ inspector: true });
}

function runFrame() {
  if (!page.running) return;
  const panes = page.runBoth ? page.panes : [page.target];
  const started = performance.now();
  let allDone = true;
  for (const pane of panes) {
    if (!pane.state || pane.state.done) continue;
    const r = call("step", pane.session, page.chunk);
    if (!r.ok) {
      showError(r.error);
      page.running = false;
      break;
    }
    pane.touched = true;
    pane.sync(r);
    if (!r.done) allDone = false;
  }
  const took = performance.now() - started;
  if (took < 8 && page.chunk < 100000) page.chunk = Math.min(100000, page.chunk * 2);
  else if (took > 24 && page.chunk > 50) page.chunk = Math.max(50, Math.floor(page.chunk / 2));
  if (allDone) page.running = false;
  if (!page.running) page.runBoth = false;
  followNow();
  refresh({ inspector: !page.running });
  if (page.running) nextFrame(runFrame);
}

function stepOnce() {
  const pane = page.target;
  if (!pane || !pane.state || page.running) return;
  clearError();
  act(pane, call("step", pane.session, 1));
  revealNow(pane);
}

function stepBack() {
  const pane = page.target;
  if (!pane || !pane.state || page.running) return;
  clearError();
  act(pane, call("seek", pane.session, Math.max(pane.state.firstStep, pane.state.step - 1)));
  revealNow(pane);
}

function revealNow(pane) {
  if (pane.state) reveal(pane.state.nowMicros);
  requestDraw();
}

function runTo() {
  const pane = page.target;
  if (!pane || !pane.state || page.running) return;
  clearError();
  const text = $("run-to-input").value.trim();
  const ms = Number(text);
  if (text === "" || !Number.isFinite(ms) || ms < 0) {
    showError(`run to: "${text}" is not a time; give a number of milliseconds, e.g. 110.5`);
    return;
  }
  const micros = Math.round(ms * 1000);
  if (micros < pane.state.nowMicros) {
    const back = call("seek", pane.session, pane.state.firstStep);
    if (!act(pane, back)) return;
  }
  if (act(pane, call("runUntil", pane.session, micros)) && !pane.state.done && pane.state.nowMicros < micros) {
    showNotice(`No event happens between ${fmtMs(pane.state.nowMicros)} and ${fmtMs(micros)} ms, so the run's clock stays at ${fmtMs(pane.state.nowMicros)} ms ` +
      `(the next step is at ${fmtMs(pane.state.nextMicros)} ms). A fault applied by hand now applies at ${fmtMs(pane.state.nowMicros)} ms; ` +
      `to place one at ${fmtMs(micros)} ms, write it in the fault schedule ("… @ ${micros % 1000 === 0 ? micros / 1000 + "ms" : micros + "us"}") and press Reset.`);
  }
  revealNow(pane);
}

function seekTo(stepIndex) {
  const pane = page.target;
  if (!pane || !pane.state) return;
  act(pane, call("seek", pane.session, stepIndex));
  revealNow(pane);
}

function applyFault(text) {
  const pane = page.target;
  if (!pane || !pane.state || page.running) return;
  clearError();
  const r = call("apply", pane.session, text);
  if (!r.ok) {
    showError(`${text}: ${r.error}`);
    refresh();
    return;
  }
  act(pane, r, { resetMax: true });
  if (pane === original) $("faults-input").value = faultLines(r.faults).join("\n");
  revealNow(pane);
}

function pairFault(word) {
  const a = $("fault-node").value;
  const b = $("fault-peer").value;
  if (a === b) {
    showError(`${word}: choose two different nodes (node and peer are both ${a})`);
    return;
  }
  const sep = word === "partition" && $("fault-oneway").checked ? "->" : "-";
  applyFault(`${word} ${a}${sep}${b}`);
}

function setTarget(pane) {
  if (!pane || page.running) return;
  page.target = pane;
  refresh({ inspector: true });
}

function fork() {
  if (!original || !original.state || page.running) return;
  clearError();
  const r = call("fork", original.session);
  if (!r.ok) {
    showError(`fork: ${r.error}`);
    return;
  }
  if (branch) {
    branch.close();
    branch = null;
  }
  $("branch-pane").hidden = false;
  if (!page.branchPane) page.branchPane = new Pane("branch", $("branch-diagram"), $("branch-title"));
  branch = page.branchPane;
  branch.touched = false;
  branch.adopt(r);
  page.panes = [original, branch];
  page.target = branch;
  page.divergence = -1;
  $("divergence-bar").hidden = false;
  original.measure();
  branch.measure();
  refresh({ inspector: true });
}

function updateDivergence() {
  const box = $("divergence");
  const hint = $("divergence-hint");
  if (!branch || !branch.state || !original.state) {
    page.divergence = -1;
    return;
  }
  const from = branch.forkTraceSize;
  const ranOriginal = original.trace.ev.length > from || original.state.done;
  const ranBranch = branch.trace.ev.length > from || branch.state.done;
  if (original.trace.ev.length < from) {
    page.divergence = -1;
    setText(box, "");
    setText(hint, "The original run is now before the fork point; run it forward past the fork to compare.");
    $("show-divergence").hidden = true;
    return;
  }
  let d = -1;
  try {
    d = api.diverge(original.session, branch.session);
  } catch (e) {
    d = -1;
  }
  page.divergence = typeof d === "number" ? d : -1;
  if (page.divergence >= 0 && original.trace.ev[page.divergence] && branch.trace.ev[page.divergence]) {
    setText(box, `first difference at event #${page.divergence}: ${describeEvent(original.trace.ev[page.divergence])} (original) vs ${describeEvent(branch.trace.ev[page.divergence])} (branch)`);
    setText(hint, "");
    $("show-divergence").hidden = false;
  } else if (ranOriginal && ranBranch) {
    page.divergence = -1;
    const both = original.state.done && branch.state.done;
    setText(box, both ? "no difference: after the fork both runs trace the same events" : "no difference so far: the runs agree on every event both have reached");
    setText(hint, both ? "" : "Run both further (or to the end) to compare the rest.");
    $("show-divergence").hidden = true;
  } else {
    setText(box, "");
    setText(hint, `Compare the runs: change the branch (e.g. crash a node), then run both — “Run both to the end” does it. ${ranOriginal ? "" : "The original has not moved past the fork yet. "}${ranBranch ? "" : "The branch has not moved past the fork yet."}`);
    $("show-divergence").hidden = true;
  }
}

function showDivergence() {
  if (!branch || page.divergence < 0) return;
  const e = original.trace.ev[page.divergence];
  if (!e) return;
  if (view.fit) {
    view.fit = false;
    view.px = Math.max(fitPx(), Math.min(MAX_PX_PER_US, fitPx() * 4));
  }
  view.start = e[0] - plotHeight() / view.px / 2;
  clampView();
  page.selected = { pane: branch, idx: page.divergence };
  showDetails();
  requestDraw();
}

// ---------------------------------------------------------------------------------------------
// Downloads and links
// ---------------------------------------------------------------------------------------------

function download(name, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

function downloadTrace(kind) {
  const pane = page.target;
  if (!pane || !pane.session) return;
  const text = callText(kind === "jsonl" ? "jsonLines" : "chromeTrace", pane.session);
  if (text === null) return;
  if (kind === "jsonl") download("trace.jsonl", text, "application/x-ndjson");
  else download("trace.perfetto.json", text, "application/json");
}

async function copyText(text, feedbackEl) {
  let ok = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      ok = true;
    }
  } catch {
    ok = false;
  }
  const input = $("link-output");
  input.value = text;
  input.hidden = false;
  if (!ok) {
    input.focus();
    input.select();
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
  }
  setText(feedbackEl, ok ? "link copied (also shown below)" : "copy the link shown below");
  setTimeout(() => setText(feedbackEl, ""), 2500);
}

// ---------------------------------------------------------------------------------------------
// A generated main's command line
// ---------------------------------------------------------------------------------------------

function shellSplit(s) {
  const out = [];
  let cur = null;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\" && s[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (/\s/.test(c)) {
      if (cur !== null) out.push(cur);
      cur = null;
      i++;
      continue;
    }
    if (cur === null) cur = "";
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new Error("a ' quote is not closed");
      cur += s.slice(i + 1, j);
      i = j + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) {
          cur += s[i + 1];
          i += 2;
        } else {
          cur += s[i++];
        }
      }
      if (i >= s.length) throw new Error('a " quote is not closed');
      i++;
    } else if (c === "\\" && i + 1 < s.length) {
      cur += s[i + 1];
      i += 2;
    } else {
      cur += c;
      i++;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** Reads `--seed 7 --run-seed 3 --faults "crash 1 @ 50ms" --until 120` (and an optional java ... FooMain). */
function parseCommandLine(text) {
  const tokens = shellSplit(text);
  const c = { seed: "42", runSeed: "", faults: "", faultsGiven: false, until: "", sim: undefined };
  const notes = [];
  for (let i = 0; i < tokens.length; i++) {
    let tok = tokens[i];
    let value = null;
    if (tok.startsWith("--") && tok.includes("=")) {
      value = tok.slice(tok.indexOf("=") + 1);
      tok = tok.slice(0, tok.indexOf("="));
    }
    const need = () => {
      if (value !== null) return value;
      if (i + 1 >= tokens.length) throw new Error(`${tok} needs a value`);
      return tokens[++i];
    };
    switch (tok) {
      case "--seed":
        c.seed = need();
        break;
      case "--run-seed":
        c.runSeed = need();
        break;
      case "--faults":
        c.faults = need();
        c.faultsGiven = true;
        break;
      case "--until":
        c.until = need();
        break;
      case "--sim":
        c.sim = need();
        break;
      case "--trace":
      case "--format":
        need();
        notes.push(`${tok} ignored (use the download buttons)`);
        break;
      case "--quiet":
        break;
      case "--seeds":
      case "--explore":
      case "--check-determinism":
      case "--merge":
      case "--shrink":
      case "--parallelism":
      case "--shard":
      case "--results":
        throw new Error(`${tok}: the visualizer replays one run; give --seed, --run-seed, --faults and --until`);
      default:
        if (tok.startsWith("--")) throw new Error(`${tok} is not an option of a generated main that the visualizer reads (it reads --seed, --run-seed, --faults, --until)`);
        if (tok === "-cp" || tok === "-classpath" || tok === "--class-path" || tok === "-jar") {
          i++;
          break;
        }
        if (/^[A-Za-z_$][\w$.]*Main$/.test(tok)) {
          const base = tok.replace(/Main$/, "");
          const simple = base.slice(base.lastIndexOf(".") + 1);
          const match = page.sims.find((s) => s.name === base || s.title === simple || s.title.replace(/\W/g, "_") === simple);
          if (match) c.sim = match.name;
          else notes.push(`${tok} is not one of this site's simulations`);
        }
    }
  }
  return { config: c, notes };
}

function openCommandLine() {
  clearError();
  const text = $("cli-input").value;
  let parsed;
  try {
    parsed = parseCommandLine(text);
  } catch (e) {
    showError(`command line: ${e.message}`);
    return;
  }
  const c = parsed.config;
  if (c.sim === undefined) c.sim = $("sim-select").value;
  fillForm(c);
  setText("cli-note", parsed.notes.join("; "));
  openRun({ ...c, faultsGiven: c.faultsGiven }, true);
}

// ---------------------------------------------------------------------------------------------
// Legend
// ---------------------------------------------------------------------------------------------

function legendIcon(draw) {
  const canvas = el("canvas", { className: "legend-icon", width: 84, height: 44 });
  canvas.style.width = "42px";
  canvas.style.height = "22px";
  const ctx = canvas.getContext("2d");
  ctx.scale(2, 2);
  draw(ctx);
  return canvas;
}

function buildLegend() {
  const items = [
    ["node lane: one column per node, time flows down", (c) => {
      c.strokeStyle = COLORS.lane;
      c.lineWidth = 1.5;
      c.beginPath();
      c.moveTo(21, 0);
      c.lineTo(21, 22);
      c.stroke();
    }],
    ["message: sent (dot) and delivered (arrow head)", (c) => {
      c.strokeStyle = COLORS.msg;
      c.fillStyle = COLORS.msg;
      c.lineWidth = 1.2;
      c.beginPath();
      c.arc(5, 4, 3, 0, 7);
      c.fill();
      c.beginPath();
      c.moveTo(5, 4);
      c.lineTo(37, 18);
      c.stroke();
      c.beginPath();
      arrowHead(c, 5, 4, 37, 18, 7);
      c.fill();
    }],
    ["duplicate made by the network, and its delivery", (c) => {
      c.strokeStyle = COLORS.dup;
      c.fillStyle = COLORS.dup;
      c.beginPath();
      c.moveTo(5, 0);
      c.lineTo(10, 5);
      c.lineTo(5, 10);
      c.lineTo(0, 5);
      c.fill();
      c.beginPath();
      c.moveTo(5, 5);
      c.lineTo(37, 18);
      c.stroke();
      c.beginPath();
      arrowHead(c, 5, 5, 37, 18, 7);
      c.fill();
    }],
    ["dropped message (×; hover for the reason)", (c) => {
      c.strokeStyle = COLORS.drop;
      c.setLineDash([4, 3]);
      c.beginPath();
      c.moveTo(4, 4);
      c.lineTo(33, 16);
      c.stroke();
      c.setLineDash([]);
      c.lineWidth = 2.2;
      c.beginPath();
      c.moveTo(29, 12);
      c.lineTo(37, 20);
      c.moveTo(37, 12);
      c.lineTo(29, 20);
      c.stroke();
    }],
    ["message in flight (not delivered yet at “now”)", (c) => {
      c.strokeStyle = COLORS.inflight;
      c.setLineDash([4, 3]);
      c.beginPath();
      c.moveTo(4, 4);
      c.lineTo(38, 18);
      c.stroke();
    }],
    ["timer set (○), fired (●) and cancelled (⊘)", (c) => {
      c.lineWidth = 1.5;
      c.strokeStyle = COLORS.timer;
      c.fillStyle = "#fff";
      c.beginPath();
      c.arc(6, 11, 3.5, 0, 7);
      c.fill();
      c.stroke();
      c.fillStyle = COLORS.timer;
      c.beginPath();
      c.arc(20, 11, 3.5, 0, 7);
      c.fill();
      c.strokeStyle = COLORS.timerCancel;
      c.beginPath();
      c.arc(34, 11, 3.5, 0, 7);
      c.moveTo(31, 14);
      c.lineTo(37, 8);
      c.stroke();
    }],
    ["log line written by a node", (c) => {
      c.fillStyle = COLORS.log;
      c.fillRect(4, 8, 6, 6);
      c.font = "9px system-ui";
      c.fillText("text", 14, 14);
    }],
    ["node start", (c) => drawFaultMark(c, [0, "start"], 21, 11)],
    ["crash, then restart", (c) => {
      drawFaultMark(c, [0, "fault", 0, -1, -1, null, "crash 0"], 10, 11);
      drawFaultMark(c, [0, "fault", 0, -1, -1, null, "restart 0"], 31, 11);
    }],
    ["crashed: the node is down over this interval", (c) => {
      c.fillStyle = hatchPattern(c);
      c.fillRect(12, 0, 18, 22);
    }],
    ["partition / isolate (red) and heal (green): the dashed line joins the pair; arrow heads point to the receiver that stops hearing", (c) => {
      drawFaultMark(c, [0, "fault", 0, 1, -1, null, "partition 0-1"], 6, 11);
      c.strokeStyle = COLORS.cut;
      c.fillStyle = COLORS.cut;
      c.setLineDash([5, 3]);
      c.beginPath();
      c.moveTo(12, 11);
      c.lineTo(40, 11);
      c.stroke();
      c.setLineDash([]);
      c.beginPath();
      arrowHead(c, 12, 11, 40, 11, 6);
      c.fill();
    }],
    ["cut link: a red bar beside a lane, on the side of the node it cannot send to", (c) => {
      c.strokeStyle = COLORS.lane;
      c.beginPath();
      c.moveTo(17, 0);
      c.lineTo(17, 22);
      c.stroke();
      c.fillStyle = "rgba(224, 49, 49, 0.75)";
      c.fillRect(24, 2, 3, 18);
    }],
    ["link fault: latency, loss or duplication", (c) => drawFaultMark(c, [0, "fault", 0, 1, -1, null, "latency 0->1"], 21, 11)],
    ["now: the run's current time; below it nothing has been simulated yet", (c) => {
      c.fillStyle = COLORS.future;
      c.fillRect(0, 11, 42, 11);
      c.strokeStyle = COLORS.now;
      c.lineWidth = 1.5;
      c.beginPath();
      c.moveTo(0, 11);
      c.lineTo(42, 11);
      c.stroke();
    }],
    ["fork point (purple) and first difference between the runs (pink ring)", (c) => {
      c.strokeStyle = COLORS.fork;
      c.setLineDash([6, 3]);
      c.beginPath();
      c.moveTo(0, 5);
      c.lineTo(42, 5);
      c.stroke();
      c.setLineDash([]);
      ring(c, 21, 14, 6, COLORS.diverge, 2.5);
    }],
  ];
  const list = $("legend");
  list.replaceChildren(...items.map(([text, draw]) => el("li", null, legendIcon(draw), el("span", null, text))));
}

// ---------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------

function bindControls() {
  $("run-button").addEventListener("click", () => startRun(false));
  $("pause-button").addEventListener("click", stopRun);
  $("step-button").addEventListener("click", stepOnce);
  $("back-button").addEventListener("click", stepBack);
  $("run-to-button").addEventListener("click", runTo);
  $("run-to-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter") runTo();
  });
  const scrub = $("scrubber");
  scrub.addEventListener("input", () => {
    const first = page.pendingSeek === null;
    page.pendingSeek = Number(scrub.value);
    if (first) {
      nextFrame(() => {
        const target = page.pendingSeek;
        page.pendingSeek = null;
        if (target !== null && page.target && page.target.state && target !== page.target.state.step) {
          clearError();
          seekTo(target);
        }
      });
    }
  });
  $("reset-button").addEventListener("click", () => openRun(readForm(), false));
  $("setup-form").addEventListener("submit", (e) => {
    e.preventDefault();
    openRun(readForm(), false);
  });
  $("setup-form").addEventListener("keydown", (e) => {
    const id = e.target && e.target.id;
    if (e.key === "Enter" && ["seed-input", "until-input", "run-seed-input"].includes(id)) {
      e.preventDefault();
      openRun(readForm(), false);
    }
  });
  $("sim-select").addEventListener("change", () => {
    updateCheckedVisibility();
    openRun(readForm(), false);
  });
  $("crash-button").addEventListener("click", () => applyFault(`crash ${$("fault-node").value}`));
  $("restart-button").addEventListener("click", () => applyFault(`restart ${$("fault-node").value}`));
  $("isolate-button").addEventListener("click", () => applyFault(`isolate ${$("fault-node").value}`));
  $("heal-all-button").addEventListener("click", () => applyFault("heal-all"));
  $("partition-button").addEventListener("click", () => pairFault("partition"));
  $("heal-button").addEventListener("click", () => pairFault("heal"));
  $("apply-fault-button").addEventListener("click", () => {
    const text = $("fault-text").value.trim();
    if (text) applyFault(text);
    else showError("fault: type one, e.g. latency 0->1 5ms jitter 1ms");
  });
  $("fault-text").addEventListener("keydown", (e) => {
    if (e.key === "Enter") $("apply-fault-button").click();
  });
  $("fork-button").addEventListener("click", fork);
  $("target-select").addEventListener("change", () => setTarget($("target-select").value === "branch" ? branch : original));
  $("run-both-button").addEventListener("click", () => {
    if (!branch) return;
    if (original.state.done && branch.state.done) return;
    startRun(true);
  });
  $("close-branch-button").addEventListener("click", () => {
    closeBranch();
    refresh({ inspector: true });
  });
  $("show-divergence").addEventListener("click", showDivergence);
  $("copy-branch-link").addEventListener("click", () => branch && copyText(new URL(linkFor(branch, true), location.href).href, $("copy-feedback")));
  $("download-jsonl").addEventListener("click", () => downloadTrace("jsonl"));
  $("download-perfetto").addEventListener("click", () => downloadTrace("chrome"));
  $("copy-link").addEventListener("click", () => {
    syncUrl();
    copyText(location.href, $("copy-feedback"));
  });
  $("cli-open").addEventListener("click", openCommandLine);
  $("cli-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter") openCommandLine();
  });
  $("zoom-in").addEventListener("click", () => zoomCenter(2));
  $("zoom-out").addEventListener("click", () => zoomCenter(0.5));
  $("zoom-fit").addEventListener("click", zoomFit);
  $("main-title-row").addEventListener("click", () => branch && setTarget(original));
  $("branch-title-row").addEventListener("click", () => branch && setTarget(branch));

  document.addEventListener("keydown", (e) => {
    const tag = (e.target && e.target.tagName) || "";
    if (["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === " ") {
      e.preventDefault();
      if (page.running) stopRun();
      else startRun(false);
    } else if (e.key === "ArrowRight" || e.key === ".") {
      e.preventDefault();
      stepOnce();
    } else if (e.key === "ArrowLeft" || e.key === ",") {
      e.preventDefault();
      stepBack();
    } else if (e.key === "+" || e.key === "=") zoomCenter(2);
    else if (e.key === "-") zoomCenter(0.5);
    else if (e.key === "0") zoomFit();
    else if (e.key === "Escape") {
      page.selected = null;
      showDetails();
      requestDraw();
    }
  });
  window.addEventListener("resize", () => {
    for (const pane of page.panes) pane.measure();
    requestDraw();
  });
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const flag = (name) => params.has(name) && !["0", "false", "no"].includes(String(params.get(name)).toLowerCase());
  return {
    config: {
      sim: params.get("sim") ?? "",
      seed: params.get("seed") ?? "42",
      runSeed: params.get("run-seed") ?? "",
      faults: params.get("faults") ?? "",
      faultsGiven: params.has("faults"),
      until: params.get("until") ?? "",
    },
    run: flag("run"),
  };
}

async function main() {
  bindControls();
  buildLegend();
  original = new Pane("original", $("diagram"), $("main-title"));
  page.panes = [original];
  page.target = original;
  showDetails();
  requestDraw();

  window.heliosPage = Object.freeze({
    get api() {
      return api;
    },
    session: () => (page.target ? page.target.session : 0),
    state: () => (page.target ? page.target.state : null),
    events: () => (page.target ? page.target.trace.ev : []),
    original: Object.freeze({ session: () => original.session, state: () => original.state, events: () => original.trace.ev }),
    branch: Object.freeze({ session: () => (branch ? branch.session : 0), state: () => (branch ? branch.state : null), events: () => (branch ? branch.trace.ev : []) }),
    divergence: () => page.divergence,
    running: () => page.running,
    lastDrawMs: () => page.lastDrawMs,
  });

  // The kernel: the WebAssembly build, else (a browser without WebAssembly GC) the JavaScript build.
  const why = (e) => (e && e.message ? e.message : String(e));
  try {
    const runtime = await import("./helios.wasm-runtime.mjs");
    const loaded = await runtime.load("./helios.wasm");
    api = loaded.exports;
    page.engine = "wasm";
  } catch (wasmError) {
    try {
      api = await import("./helios-fallback.js");
      page.engine = "js";
      const note = $("engine-note");
      note.textContent = `This browser could not run the WebAssembly build of the kernel (${why(wasmError)}), so the page runs its JavaScript build: ` +
        "the same runs and trace hashes, more slowly. A browser with WebAssembly GC (Chrome or Edge 119+, Firefox 120+, Safari 18.2+) runs the faster one.";
      note.hidden = false;
    } catch (jsError) {
      api = null;
      $("loading").hidden = true;
      showError(`The simulation kernel could not be loaded. helios.wasm: ${why(wasmError)}. helios-fallback.js: ${why(jsError)}. ` +
        "Serve this folder over HTTP (helios.wasm, helios.wasm-runtime.mjs and helios-fallback.js beside index.html) and use a browser with WebAssembly GC (Chrome or Edge 119+, Firefox 120+, Safari 18.2+).");
      setBodyState("error");
      requestDraw();
      return;
    }
  }
  $("loading").hidden = true;

  const sims = call("simulations");
  if (!sims.ok) {
    showError(`The simulation kernel loaded but lists no simulations: ${sims.error}`);
    setBodyState("error");
    return;
  }
  page.sims = sims.simulations || [];
  $("sim-select").replaceChildren(...page.sims.map((s) => el("option", { value: s.name, title: s.scenarios ? `${s.name}: has scenarios (checks a run can be held to)` : s.name }, s.title)));
  $("sim-count").textContent = page.sims.length === 1 ? "1 simulation in this site" : `${page.sims.length} simulations in this site`;

  const { config, run } = readUrl();
  fillForm(config);
  if (config.sim && !page.sims.some((s) => s.name === config.sim || s.title === config.sim)) {
    // keep the unknown name visible in the error from open
  }
  openRun(config, run);
}

main().catch((e) => {
  showError(`The page failed: ${e && e.message ? e.message : String(e)}`);
  setBodyState("error");
});
