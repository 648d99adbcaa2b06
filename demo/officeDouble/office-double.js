/*
 * Office host double, part 2 of 2: Office.js as the pane sees it.
 *
 * Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 * (after excel-enums.js and engine.js). Defines the globals Office, Excel,
 * OfficeExtension, CustomFunctions and OfficeRuntime with Office.js semantics:
 * proxy objects, load + context.sync(), PropertyNotLoaded, writes applied at
 * sync, null objects, errors raised at sync. The workbook itself lives in
 * engine.js; window.__officeDouble is the test API (see README.md).
 *
 * Configuration, read once at load: window.__officeDoubleConfig =
 *   { state, token, displayLanguage, theme, latencyMs, persist }
 * or simply window.__officeDoubleInitialState = state.
 */
/* global window, document, setTimeout, MessageChannel, location, fetch, URL */
(function () {
  "use strict";
  const E = globalThis.__officeDoubleEngine;
  if (!E) throw new Error("office-double.js needs engine.js loaded first");
  const ENUMS = globalThis.__officeDoubleExcelEnums || {};
  const { fail } = E;
  const W = typeof window !== "undefined" ? window : globalThis;
  const NULL = Symbol("null object");
  const STORAGE_PREFIX = "__officeDouble:";
  const MAX_CELLS_PER_READ = 5000000;

  // ---------------------------------------------------------------------------
  // Host state.

  const cfg = W.__officeDoubleConfig || {};

  const THEMES = {
    light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#242424", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#242424", isDarkTheme: false, themeId: "Colorful" },
    dark: { bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#3D3D3D", controlForegroundColor: "#FFFFFF", isDarkTheme: true, themeId: "Black" },
  };

  const host = {
    wb: null,
    token: cfg.token || null,
    displayLanguage: cfg.displayLanguage || "fr-FR",
    theme: Object.assign({}, THEMES[cfg.theme] || (typeof cfg.theme === "object" && cfg.theme) || THEMES.light),
    latencyMs: cfg.latencyMs || 0,
    syncCount: 0,
    syncCalls: 0,
    failNext: [],
    payloadLimit: null,
    actions: new Map(),
    actionLog: [],
    addinCalls: [],
    taskpaneVisible: true,
    visibilityHandlers: new Set(),
    customFunctions: new Map(),
    customFunctionsMetadata: null,
    events: new Map(), // registry key -> Set(handler)
    docHandlers: new Map(), // Office.EventType -> Set(handler)
    dialogs: [],
    runtimeStorage: {},
    settingsSaves: 0,
    failSettingsSave: 0,
    requirementSets: { ExcelApi: "1.17", ExcelApiOnline: "1.1", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4", RibbonApi: "1.2", DialogApi: "1.2", DialogOrigin: "1.1", IdentityAPI: "1.3", NestedAppAuth: "1.1", AddinCommands: "1.1", ImageCoercion: "1.1", OpenBrowserWindowApi: "1.1" },
    settingsObject: null,
  };

  function readInitialState() {
    if (host.token && cfg.persist !== false) {
      try {
        const saved = W.sessionStorage && W.sessionStorage.getItem(STORAGE_PREFIX + host.token);
        if (saved) return JSON.parse(saved);
      } catch {
        /* no storage: fine */
      }
    }
    return cfg.state || W.__officeDoubleInitialState || undefined;
  }

  function installWorkbook(state) {
    host.wb = E.loadState(state);
    host.wb.customFunction = lookupCustomFunction;
    if (state && state.runtimeStorage) host.runtimeStorage = Object.assign({}, state.runtimeStorage);
    if (host.settingsObject) host.settingsObject._values = JSON.parse(JSON.stringify(host.wb.settings));
  }

  function exportAll() {
    const state = E.exportState(host.wb);
    state.runtimeStorage = Object.assign({}, host.runtimeStorage);
    return state;
  }

  function persist() {
    if (!host.token || cfg.persist === false) return;
    try {
      W.sessionStorage.setItem(STORAGE_PREFIX + host.token, JSON.stringify(exportAll()));
    } catch {
      /* quota or no storage */
    }
  }

  // ---------------------------------------------------------------------------
  // Client objects.

  function notLoaded(typeName, prop) {
    return fail("PropertyNotLoaded", typeName + "." + prop, prop);
  }

  function isAlive(ent) {
    if (!ent || ent === NULL) return true;
    if (ent instanceof E.Workbook) return ent === host.wb;
    if (ent.deleted) return false;
    if (ent.sheet && (ent.sheet.deleted || ent.sheet.workbook !== host.wb)) return false;
    if (ent.table && ent.table.deleted) return false;
    if (ent.workbook && ent.workbook !== host.wb) return false;
    if (ent.__chartOf && !ent.__chartOf.charts.includes(ent)) return false;
    return true;
  }

  let ctxSeq = 0;

  class RequestContext {
    constructor() {
      this._id = ++ctxSeq;
      this._queue = [];
      this._finished = false;
      this._requestBytes = 0;
      this.workbook = new WorkbookProxy(this);
      this.application = this.workbook.application;
      this.trackedObjects = { add() {}, remove() {} };
      this.runtime = { load() { return this; }, enableEvents: true };
      this.debugInfo = {};
    }
    load(object, option) {
      object.load(option);
      return object;
    }
    trace() {}
    _enqueue(op) {
      if (this._finished) {
        this._queue.push(() => {
          throw fail("InvalidObjectPath", "RequestContext", "(object from a finished Excel.run)");
        });
        return;
      }
      this._queue.push(op);
    }
    sync(passThroughValue) {
      host.syncCalls++;
      return this._sync(passThroughValue);
    }
    _sync(passThroughValue) {
      const ops = this._queue;
      const requestBytes = this._requestBytes;
      this._queue = [];
      this._requestBytes = 0;
      if (ops.length === 0) return Promise.resolve(passThroughValue);
      host.syncCount++;
      return roundTrip().then(() => {
        const injected = host.failNext.shift();
        if (injected && !injected.afterApply) throw fail(injected.code, "RequestContext.sync", null, injected.message);
        if (host.payloadLimit && requestBytes > host.payloadLimit) throw fail("RequestPayloadSizeLimitExceeded", "RequestContext.sync");
        const batch = { commits: [], touched: new Set(), responseBytes: 0, ctx: this };
        for (const op of ops) op(batch);
        if (host.payloadLimit && batch.responseBytes > host.payloadLimit) throw fail("ResponsePayloadSizeLimitExceeded", "RequestContext.sync");
        for (const obj of batch.touched) obj._isNull = obj._entity === NULL;
        for (const commit of batch.commits) commit();
        afterBatch();
        if (injected && injected.afterApply) throw fail(injected.code, "RequestContext.sync", null, injected.message);
        return passThroughValue;
      });
    }
    _addRequestBytes(value) {
      if (host.payloadLimit) this._requestBytes += JSON.stringify(value === undefined ? null : value).length;
    }
  }

  /** A host round trip: always asynchronous (a macrotask), optionally slow. */
  function roundTrip() {
    if (host.latencyMs > 0) return new Promise((resolve) => setTimeout(resolve, host.latencyMs));
    if (typeof MessageChannel === "function") {
      return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(0);
      });
    }
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  const pendingEvents = [];
  function afterBatch() {
    const events = pendingEvents.splice(0);
    for (const fire of events) setTimeout(fire, 0);
  }

  class ClientObject {
    constructor(ctx, resolver, opts) {
      this._ctx = ctx;
      this._resolver = resolver;
      this._entity = undefined;
      this._data = Object.create(null);
      this._navs = Object.create(null);
      this._isNull = undefined;
      this._noCache = !!(opts && opts.noCache);
    }
    get context() {
      return this._ctx;
    }
    get isNullObject() {
      if (this._isNull === undefined) throw notLoaded(this._typeName, "isNullObject");
      return this._isNull;
    }
    _resolve(batch) {
      if (!this._noCache && this._entity !== undefined) {
        if (!isAlive(this._entity)) throw fail("ItemNotFound", this._typeName);
        if (batch) batch.touched.add(this);
        return this._entity;
      }
      const ent = this._resolver(batch);
      if (!this._noCache) this._entity = ent;
      if (batch) batch.touched.add(this);
      return ent;
    }
    _target(batch, location) {
      const ent = this._resolve(batch);
      if (ent === NULL) throw fail("ItemNotFound", location || this._typeName);
      return ent;
    }
    _q(op) {
      this._ctx._enqueue(op);
    }
    load(option) {
      const spec = parseLoadOption(option);
      this._q((batch) => loadInto(this, spec, batch));
      return this;
    }
    set(properties) {
      for (const [name, value] of Object.entries(properties || {})) {
        const navs = this.constructor._navs || {};
        if (name in navs && value && typeof value === "object" && !Array.isArray(value)) this[name].set(value);
        else this[name] = value;
      }
    }
    toJSON() {
      const out = {};
      for (const [k, v] of Object.entries(this._data)) out[k] = k === "items" ? v.map((item) => item.toJSON()) : v;
      for (const [k, nav] of Object.entries(this._navs)) {
        if (nav && nav._data && Object.keys(nav._data).length) out[k] = nav._data.items ? nav._data.items.map((i) => i.toJSON()) : nav.toJSON();
      }
      return out;
    }
    track() {
      return this;
    }
    untrack() {
      return this;
    }
  }

  class CollectionObject extends ClientObject {
    get items() {
      if ("items" in this._data) return this._data.items;
      throw notLoaded(this._typeName, "items");
    }
  }

  function checkContext(owner, arg) {
    if (arg instanceof ClientObject && arg._ctx !== owner._ctx) throw fail("InvalidRequestContext", owner._typeName);
  }

  /** Declares the scalar properties (loadable, optionally settable) and navigation properties of a proxy type. */
  function define(Cls, typeName, scalars, navs, defaults) {
    Cls.prototype._typeName = typeName;
    Cls._scalars = scalars || {};
    Cls._navs = navs || {};
    Cls._defaults = defaults || Object.keys(Cls._scalars).filter((n) => !Cls._scalars[n].noDefault);
    for (const [name, spec] of Object.entries(Cls._scalars)) {
      Object.defineProperty(Cls.prototype, name, {
        configurable: true,
        enumerable: true,
        get() {
          if (name in this._data) return this._data[name];
          if (this._isNull === true) return null;
          throw notLoaded(typeName, name);
        },
        set(value) {
          if (!spec.set) throw fail("CannotUpdateReadOnlyProperty", typeName + "." + name, name);
          if (spec.validate) spec.validate(value);
          this._data[name] = value;
          if (spec.bytes) this._ctx._addRequestBytes(value);
          this._q((batch) => spec.set(this._target(batch, typeName + "." + name), value, batch, this));
        },
      });
    }
    for (const [name, factory] of Object.entries(Cls._navs)) {
      Object.defineProperty(Cls.prototype, name, {
        configurable: true,
        enumerable: true,
        get() {
          return this._navs[name] || (this._navs[name] = factory(this));
        },
      });
    }
  }

  function collectionOf(Cls, itemClass, items) {
    Cls._collection = { itemClass, items };
  }

  // --- load options

  function newSpec() {
    return { all: false, props: [], navs: {}, top: undefined, skip: undefined };
  }

  function addPath(spec, path) {
    const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
    if (!parts.length) return;
    let cur = spec;
    for (let i = 0; i < parts.length - 1; i++) cur = cur.navs[parts[i]] || (cur.navs[parts[i]] = newSpec());
    const last = parts[parts.length - 1];
    if (last === "*" || last === "$all") cur.all = true;
    else if (!cur.props.includes(last)) cur.props.push(last);
  }

  function parseLoadOption(option) {
    const spec = newSpec();
    if (option === undefined || option === null) {
      spec.all = true;
      return spec;
    }
    if (typeof option === "string") {
      option.split(",").forEach((p) => addPath(spec, p));
      if (!spec.props.length && !Object.keys(spec.navs).length) spec.all = true;
      return spec;
    }
    if (Array.isArray(option)) {
      option.forEach((p) => String(p).split(",").forEach((q) => addPath(spec, q)));
      return spec;
    }
    if (typeof option === "object") {
      if ("select" in option || "expand" in option || "top" in option || "skip" in option) {
        if (option.select) String(option.select).split(",").forEach((p) => addPath(spec, p));
        if (option.expand) {
          String(option.expand)
            .split(",")
            .map((p) => p.trim())
            .filter(Boolean)
            .forEach((p) => {
              const parts = p.split("/");
              let cur = spec;
              for (const part of parts) cur = cur.navs[part] || (cur.navs[part] = newSpec());
              if (!cur.props.length) cur.all = true;
            });
        }
        if (!option.select) spec.all = true;
        if (option.top !== undefined) spec.top = option.top;
        if (option.skip !== undefined) spec.skip = option.skip;
        return spec;
      }
      for (const [k, v] of Object.entries(option)) {
        if (k === "$all") spec.all = !!v;
        else if (k === "$top") spec.top = v;
        else if (k === "$skip") spec.skip = v;
        else if (v === true) spec.props.push(k);
        else if (v && typeof v === "object") spec.navs[k] = parseLoadOption(v);
      }
      if (!spec.props.length && !Object.keys(spec.navs).length) spec.all = true;
      return spec;
    }
    spec.all = true;
    return spec;
  }

  function unknownProperty(typeName, name) {
    return fail("InvalidArgument", typeName + ".load", null, "The property '" + name + "' doesn't exist on type '" + typeName + "'.");
  }

  function loadInto(obj, spec, batch) {
    const Cls = obj.constructor;
    const ent = obj._resolve(batch);
    if (Cls._collection) return loadCollection(obj, spec, batch, ent);
    const data = {};
    if (ent !== NULL) {
      const names = spec.all ? Cls._defaults.concat(spec.props.filter((p) => !Cls._defaults.includes(p))) : spec.props;
      for (const name of names) {
        if (name in Cls._scalars) data[name] = Cls._scalars[name].get(ent, obj, batch);
        else if (name in Cls._navs) loadInto(obj[name], parseLoadOption(undefined), batch);
        else if (name === "isNullObject") continue;
        else throw unknownProperty(obj._typeName, name);
      }
      for (const [nav, sub] of Object.entries(spec.navs)) {
        if (!(nav in Cls._navs)) throw unknownProperty(obj._typeName, nav);
        loadInto(obj[nav], sub, batch);
      }
      if (host.payloadLimit) batch.responseBytes += JSON.stringify(data).length;
    }
    batch.commits.push(() => Object.assign(obj._data, data));
  }

  function mergeSpec(into, from) {
    into.all = into.all || from.all;
    for (const p of from.props) if (!into.props.includes(p)) into.props.push(p);
    Object.assign(into.navs, from.navs);
  }

  function loadCollection(coll, spec, batch, ent) {
    const C = coll.constructor;
    const info = C._collection;
    const data = {};
    const itemSpec = newSpec();
    let wantItems = spec.all;
    if (spec.all) itemSpec.all = true;
    for (const p of spec.props) {
      if (p in C._scalars) data[p] = C._scalars[p].get(ent, coll, batch);
      else if (p === "items") {
        wantItems = true;
        itemSpec.all = true;
      } else {
        wantItems = true;
        itemSpec.props.push(p);
      }
    }
    for (const [nav, sub] of Object.entries(spec.navs)) {
      wantItems = true;
      if (nav === "items") mergeSpec(itemSpec, sub);
      else itemSpec.navs[nav] = sub;
    }
    let items;
    if (wantItems && ent !== NULL) {
      let entities = info.items(ent, coll, batch);
      if (spec.skip) entities = entities.slice(spec.skip);
      if (spec.top !== undefined) entities = entities.slice(0, spec.top);
      items = entities.map((itemEnt) => {
        const proxy = new info.itemClass(coll._ctx, null);
        proxy._entity = itemEnt;
        proxy._isNull = false;
        loadInto(proxy, itemSpec, batch);
        return proxy;
      });
    }
    batch.commits.push(() => {
      Object.assign(coll._data, data);
      if (items) coll._data.items = items;
    });
  }

  class ClientResult {
    constructor() {
      this._loaded = false;
      this._value = undefined;
    }
    get value() {
      if (!this._loaded) throw fail("ValueNotLoaded", "ClientResult.value");
      return this._value;
    }
    _set(value) {
      this._loaded = true;
      this._value = value;
    }
    toJSON() {
      return { value: this._loaded ? this._value : undefined };
    }
  }

  function clientResult(owner, compute) {
    const result = new ClientResult();
    owner._q((batch) => {
      const value = compute(batch);
      batch.commits.push(() => result._set(value));
    });
    return result;
  }

  function child(Cls, owner, resolver, opts) {
    const proxy = new Cls(owner._ctx, resolver, opts);
    if (opts && opts.nullable) owner._q((batch) => proxy._resolve(batch));
    return proxy;
  }

  /** Runs a resolver, turning "not found" into a null object. */
  function orNull(fn) {
    return (batch) => {
      try {
        return fn(batch);
      } catch (e) {
        if (e instanceof E.RichApiError && (e.code === "ItemNotFound" || e.code === "InvalidArgument")) return NULL;
        throw e;
      }
    };
  }

  // --- events

  function registry(key) {
    let set = host.events.get(key);
    if (!set) host.events.set(key, (set = new Set()));
    return set;
  }

  class EventHandlerResult {
    constructor(ctx, key, handler) {
      this._ctx = ctx;
      this._key = key;
      this._handler = handler;
    }
    get context() {
      return this._ctx;
    }
    remove() {
      this._ctx._enqueue(() => registry(this._key).delete(this._handler));
    }
  }

  class EventHandlers {
    constructor(ctx, keyFn) {
      this._ctx = ctx;
      this._keyFn = keyFn;
    }
    add(handler) {
      if (typeof handler !== "function") throw fail("InvalidArgument", "EventHandlers.add");
      const result = new EventHandlerResult(this._ctx, null, handler);
      this._ctx._enqueue((batch) => {
        result._key = this._keyFn(batch);
        registry(result._key).add(handler);
      });
      return result;
    }
    remove(handler) {
      this._ctx._enqueue((batch) => registry(this._keyFn(batch)).delete(handler));
    }
  }

  function fire(key, args) {
    const handlers = [...(host.events.get(key) || [])];
    return Promise.all(
      handlers.map((h) => {
        try {
          return Promise.resolve(h(args)).catch((e) => console.error("[officeDouble] event handler failed", e));
        } catch (e) {
          console.error("[officeDouble] event handler failed", e);
          return undefined;
        }
      }),
    );
  }

  function selectionChanged(sheet) {
    const address = sheet.selected;
    const tasks = [
      fire("workbook:onSelectionChanged", { type: "WorkbookSelectionChanged", source: "Local" }),
      fire("worksheets:onSelectionChanged", { type: "WorksheetSelectionChanged", source: "Local", address, worksheetId: sheet.id }),
      fire("sheet:" + sheet.id + ":onSelectionChanged", { type: "WorksheetSelectionChanged", source: "Local", address, worksheetId: sheet.id }),
    ];
    const docHandlers = [...(host.docHandlers.get("documentSelectionChanged") || [])];
    for (const h of docHandlers) {
      try {
        h({ type: "documentSelectionChanged", document: Office.context.document });
      } catch (e) {
        console.error("[officeDouble] handler failed", e);
      }
    }
    return Promise.all(tasks);
  }

  // ---------------------------------------------------------------------------
  // Ranges.

  function rng(sheet, r0, c0, r1, c1, location) {
    if (!(r0 >= 0 && c0 >= 0 && r1 >= r0 && c1 >= c0 && r1 < E.MAX_ROWS && c1 < E.MAX_COLS) || [r0, c0, r1, c1].some((n) => !Number.isInteger(n))) {
      throw fail("InvalidArgument", location || "Range");
    }
    return { sheet, r0, c0, r1, c1 };
  }

  function cellCount(e) {
    return (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1);
  }

  function guardRead(e) {
    if (cellCount(e) > MAX_CELLS_PER_READ) throw fail("ResponsePayloadSizeLimitExceeded", "Range.values");
  }

  function matrix(e, cellFn) {
    guardRead(e);
    const rows = new Array(e.r1 - e.r0 + 1);
    for (let r = e.r0; r <= e.r1; r++) {
      const row = new Array(e.c1 - e.c0 + 1);
      for (let c = e.c0; c <= e.c1; c++) row[c - e.c0] = cellFn(r, c);
      rows[r - e.r0] = row;
    }
    return rows;
  }

  /** Resolves a Range proxy or an address (in the given sheet) to a range entity. */
  function rangeArg(arg, sheet, batch, location) {
    if (arg instanceof RangeProxy) return arg._target(batch, location);
    if (typeof arg !== "string") throw fail("InvalidArgument", location);
    const a = E.parseAddress(arg);
    if (!a) throw fail("InvalidArgument", location);
    let target = sheet;
    if (a.sheetName) target = host.wb.sheetByName(a.sheetName);
    if (!target) throw fail("ItemNotFound", location);
    return rng(target, a.r0, a.c0, a.r1, a.c1, location);
  }

  /** Writes a 2D array (or one value for every cell) with Excel's typing rules. */
  function writeMatrix(e, input, mode, location) {
    const wb = host.wb;
    const rows = e.r1 - e.r0 + 1;
    const cols = e.c1 - e.c0 + 1;
    const value = input === undefined ? null : JSON.parse(JSON.stringify(input));
    const scalarInput = !Array.isArray(value);
    if (!scalarInput) {
      if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw fail("InvalidArgument", location, null, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
    } else if (value !== null && cellCount(e) > 4000000) {
      throw fail("InvalidArgument", location, null, "The range is too large for this operation.");
    }
    const at = (i, j) => (scalarInput ? value : value[i][j]);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const cell = e.sheet.cell(e.r0 + i, e.c0 + j);
        E.checkWritable(wb, at(i, j), cell && cell.nf, location);
      }
    }
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) E.writeCell(wb, e.sheet, e.r0 + i, e.c0 + j, at(i, j), mode);
    wb.log.writes.push({ sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), kind: mode });
  }

  function writeFormats(e, input, local, location) {
    const rows = e.r1 - e.r0 + 1;
    const cols = e.c1 - e.c0 + 1;
    const value = input === undefined ? null : JSON.parse(JSON.stringify(input));
    const scalarInput = !Array.isArray(value);
    if (!scalarInput && (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))) {
      throw fail("InvalidArgument", location, null, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    const cul = host.wb.culture;
    const at = (i, j) => {
      const v = scalarInput ? value : value[i][j];
      if (v === null || v === undefined) return null;
      const nf = local ? E.fromLocalFormat(String(v), cul) : String(v);
      E.validateNumberFormat(nf);
      return nf;
    };
    const bounds = limitToUsed(e, scalarInput);
    if (!bounds) return;
    for (let r = bounds.r0; r <= bounds.r1; r++) {
      for (let c = bounds.c0; c <= bounds.c1; c++) {
        const nf = at(r - e.r0, c - e.c0);
        if (nf === null) continue;
        const cell = e.sheet.ensure(r, c);
        if (E.isGeneral(nf)) delete cell.nf;
        else cell.nf = nf;
        e.sheet.prune(r, c);
      }
    }
    host.wb.log.writes.push({ sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), kind: local ? "numberFormatLocal" : "numberFormat" });
  }

  /** Huge (whole column/row) uniform writes touch only the used part plus a margin. */
  function limitToUsed(e, uniform) {
    if (!uniform || cellCount(e) <= 1000000) return e;
    const used = e.sheet.usedBounds(false);
    const r1 = Math.min(e.r1, Math.max(used ? used.r1 : 0, 0) + 1000);
    const c1 = Math.min(e.c1, Math.max(used ? used.c1 : 0, 0) + 50);
    if (r1 < e.r0 || c1 < e.c0) return null;
    return { sheet: e.sheet, r0: e.r0, c0: e.c0, r1, c1 };
  }

  const STYLE_DEFAULTS = { bold: false, italic: false, underline: "None", strikethrough: false, fontColor: "#000000", fontName: "Aptos Narrow", fontSize: 11, fill: "#FFFFFF", hAlign: "General", vAlign: "Bottom", wrap: false, indent: 0 };

  function readStyle(e, prop) {
    const dflt = STYLE_DEFAULTS[prop];
    let value;
    let first = true;
    const visit = (v) => {
      if (first) {
        value = v;
        first = false;
      } else if (value !== v) value = null;
    };
    const area = cellCount(e);
    if (area <= 200000) {
      for (let r = e.r0; r <= e.r1 && value !== null; r++) {
        for (let c = e.c0; c <= e.c1; c++) {
          const cell = e.sheet.cell(r, c);
          visit(cell && cell.s && cell.s[prop] !== undefined ? cell.s[prop] : dflt);
          if (value === null) break;
        }
      }
    } else {
      let seen = 0;
      for (const [k, cell] of e.sheet.cells) {
        const r = Math.floor(k / E.MAX_COLS);
        const c = k - r * E.MAX_COLS;
        if (r < e.r0 || r > e.r1 || c < e.c0 || c > e.c1) continue;
        seen++;
        visit(cell.s && cell.s[prop] !== undefined ? cell.s[prop] : dflt);
      }
      if (seen < area) visit(dflt);
    }
    return value;
  }

  function writeStyle(e, prop, value) {
    const b = limitToUsed(e, true);
    if (b) {
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = e.sheet.ensure(r, c);
          cell.s = Object.assign({}, cell.s, { [prop]: value });
        }
      }
    }
    e.sheet.log.push({ op: "format", address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), prop, value });
  }

  function usedIntersection(e, valuesOnly) {
    const used = e.sheet.usedBounds(!!valuesOnly);
    if (!used) return null;
    const r0 = Math.max(e.r0, used.r0);
    const c0 = Math.max(e.c0, used.c0);
    const r1 = Math.min(e.r1, used.r1);
    const c1 = Math.min(e.c1, used.c1);
    if (r0 > r1 || c0 > c1) return null;
    return { sheet: e.sheet, r0, c0, r1, c1 };
  }

  function cellValue(e) {
    return (r, c) => E.apiValue(E.valueOf(host.wb, e.sheet, r, c));
  }

  function textWidthPoints(text) {
    return Math.round((String(text).length * 5.6 + 7) * 100) / 100;
  }

  function columnWidth(sheet, c) {
    return sheet.columnWidths.has(c) ? sheet.columnWidths.get(c) : 48;
  }

  function rowHeight(sheet, r) {
    return sheet.rowHeights.has(r) ? sheet.rowHeights.get(r) : 15;
  }

  function uniformOver(from, to, fn) {
    let value;
    for (let i = from; i <= Math.min(to, from + 20000); i++) {
      const v = fn(i);
      if (i === from) value = v;
      else if (v !== value) return null;
    }
    return value;
  }

  function selectRange(e) {
    e.sheet.selected = E.rangeRef(e.r0, e.c0, e.r1, e.c1);
    host.wb.activeSheetId = e.sheet.id;
    pendingEvents.push(() => selectionChanged(e.sheet));
  }

  /** Contiguous block of non-empty cells around a range (Ctrl+A / CurrentRegion). */
  function surroundingRegion(e) {
    const sheet = e.sheet;
    const filled = (r, c) => {
      const cell = sheet.cell(r, c);
      return !!cell && (cell.v !== undefined || cell.f !== undefined);
    };
    let { r0, c0, r1, c1 } = e;
    for (let changed = true, guard = 0; changed && guard < 100000; guard++) {
      changed = false;
      const rowHas = (r, a, b) => {
        if (r < 0 || r >= E.MAX_ROWS) return false;
        for (let c = Math.max(0, a); c <= Math.min(E.MAX_COLS - 1, b); c++) if (filled(r, c)) return true;
        return false;
      };
      const colHas = (c, a, b) => {
        if (c < 0 || c >= E.MAX_COLS) return false;
        for (let r = Math.max(0, a); r <= Math.min(E.MAX_ROWS - 1, b); r++) if (filled(r, c)) return true;
        return false;
      };
      if (rowHas(r0 - 1, c0 - 1, c1 + 1)) {
        r0--;
        changed = true;
      }
      if (rowHas(r1 + 1, c0 - 1, c1 + 1)) {
        r1++;
        changed = true;
      }
      if (colHas(c0 - 1, r0 - 1, r1 + 1)) {
        c0--;
        changed = true;
      }
      if (colHas(c1 + 1, r0 - 1, r1 + 1)) {
        c1++;
        changed = true;
      }
    }
    return { sheet, r0, c0, r1, c1 };
  }

  class RangeProxy extends ClientObject {
    _sub(fn, opts) {
      return child(RangeProxy, this, (batch) => fn(this._target(batch, "Range"), batch), opts);
    }
    getCell(row, column) {
      return this._sub((e) => rng(e.sheet, e.r0 + row, e.c0 + column, e.r0 + row, e.c0 + column, "Range.getCell"));
    }
    getRow(row) {
      return this._sub((e) => {
        if (row < 0 || row > e.r1 - e.r0) throw fail("InvalidArgument", "Range.getRow");
        return rng(e.sheet, e.r0 + row, e.c0, e.r0 + row, e.c1, "Range.getRow");
      });
    }
    getColumn(column) {
      return this._sub((e) => {
        if (column < 0 || column > e.c1 - e.c0) throw fail("InvalidArgument", "Range.getColumn");
        return rng(e.sheet, e.r0, e.c0 + column, e.r1, e.c0 + column, "Range.getColumn");
      });
    }
    getRowsAbove(count) {
      const n = count === undefined ? 1 : count;
      return this._sub((e) => rng(e.sheet, e.r0 - n, e.c0, e.r0 - 1, e.c1, "Range.getRowsAbove"));
    }
    getRowsBelow(count) {
      const n = count === undefined ? 1 : count;
      return this._sub((e) => rng(e.sheet, e.r1 + 1, e.c0, e.r1 + n, e.c1, "Range.getRowsBelow"));
    }
    getColumnsBefore(count) {
      const n = count === undefined ? 1 : count;
      return this._sub((e) => rng(e.sheet, e.r0, e.c0 - n, e.r1, e.c0 - 1, "Range.getColumnsBefore"));
    }
    getColumnsAfter(count) {
      const n = count === undefined ? 1 : count;
      return this._sub((e) => rng(e.sheet, e.r0, e.c1 + 1, e.r1, e.c1 + n, "Range.getColumnsAfter"));
    }
    getResizedRange(deltaRows, deltaColumns) {
      return this._sub((e) => rng(e.sheet, e.r0, e.c0, e.r1 + deltaRows, e.c1 + deltaColumns, "Range.getResizedRange"));
    }
    getAbsoluteResizedRange(numRows, numColumns) {
      return this._sub((e) => rng(e.sheet, e.r0, e.c0, e.r0 + numRows - 1, e.c0 + numColumns - 1, "Range.getAbsoluteResizedRange"));
    }
    getOffsetRange(rowOffset, columnOffset) {
      return this._sub((e) => rng(e.sheet, e.r0 + rowOffset, e.c0 + columnOffset, e.r1 + rowOffset, e.c1 + columnOffset, "Range.getOffsetRange"));
    }
    getEntireColumn() {
      return this._sub((e) => rng(e.sheet, 0, e.c0, E.MAX_ROWS - 1, e.c1));
    }
    getEntireRow() {
      return this._sub((e) => rng(e.sheet, e.r0, 0, e.r1, E.MAX_COLS - 1));
    }
    getLastCell() {
      return this._sub((e) => rng(e.sheet, e.r1, e.c1, e.r1, e.c1));
    }
    getLastRow() {
      return this._sub((e) => rng(e.sheet, e.r1, e.c0, e.r1, e.c1));
    }
    getLastColumn() {
      return this._sub((e) => rng(e.sheet, e.r0, e.c1, e.r1, e.c1));
    }
    getSurroundingRegion() {
      return this._sub((e) => surroundingRegion(e));
    }
    getCurrentRegion() {
      return this.getSurroundingRegion();
    }
    _intersect(other, batch, location) {
      const e = this._target(batch, location);
      const o = rangeArg(other, e.sheet, batch, location);
      if (o.sheet !== e.sheet) throw fail("InvalidArgument", location);
      const r0 = Math.max(e.r0, o.r0);
      const c0 = Math.max(e.c0, o.c0);
      const r1 = Math.min(e.r1, o.r1);
      const c1 = Math.min(e.c1, o.c1);
      if (r0 > r1 || c0 > c1) throw fail("ItemNotFound", location);
      return { sheet: e.sheet, r0, c0, r1, c1 };
    }
    getIntersection(anotherRange) {
      checkContext(this, anotherRange);
      return child(RangeProxy, this, (batch) => this._intersect(anotherRange, batch, "Range.getIntersection"));
    }
    getIntersectionOrNullObject(anotherRange) {
      checkContext(this, anotherRange);
      return child(RangeProxy, this, orNull((batch) => this._intersect(anotherRange, batch, "Range.getIntersectionOrNullObject")), { nullable: true });
    }
    getBoundingRect(anotherRange) {
      checkContext(this, anotherRange);
      return child(RangeProxy, this, (batch) => {
        const e = this._target(batch, "Range.getBoundingRect");
        const o = rangeArg(anotherRange, e.sheet, batch, "Range.getBoundingRect");
        if (o.sheet !== e.sheet) throw fail("InvalidArgument", "Range.getBoundingRect");
        return { sheet: e.sheet, r0: Math.min(e.r0, o.r0), c0: Math.min(e.c0, o.c0), r1: Math.max(e.r1, o.r1), c1: Math.max(e.c1, o.c1) };
      });
    }
    getUsedRange(valuesOnly) {
      return this._sub((e) => {
        const u = usedIntersection(e, valuesOnly);
        if (!u) throw fail("ItemNotFound", "Range.getUsedRange");
        return u;
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return child(RangeProxy, this, orNull((batch) => {
        const u = usedIntersection(this._target(batch), valuesOnly);
        if (!u) throw fail("ItemNotFound", "Range.getUsedRangeOrNullObject");
        return u;
      }), { nullable: true });
    }
    getTables(fullyContained) {
      return child(TableCollectionProxy, this, (batch) => ({ scope: "range", range: this._target(batch, "Range.getTables"), fullyContained: !!fullyContained }));
    }
    select() {
      this._q((batch) => selectRange(this._target(batch, "Range.select")));
    }
    activate() {
      this.select();
    }
    calculate() {
      this._q((batch) => this._target(batch));
    }
    clear(applyTo) {
      const mode = applyTo || "All";
      this._q((batch) => {
        const e = this._target(batch, "Range.clear");
        const b = cellCount(e) > 1000000 ? usedIntersection(e, false) : e;
        if (!b) return;
        for (let r = b.r0; r <= b.r1; r++) {
          for (let c = b.c0; c <= b.c1; c++) {
            const cell = e.sheet.cell(r, c);
            if (!cell) continue;
            if (mode === "All" || mode === "Contents") {
              delete cell.v;
              delete cell.f;
              delete cell.q;
            }
            if (mode === "All" || mode === "Formats") {
              delete cell.nf;
              delete cell.s;
            }
            e.sheet.prune(r, c);
          }
        }
        host.wb.log.writes.push({ sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), kind: "clear:" + mode });
      });
    }
    delete(shift) {
      this._q((batch) => {
        const e = this._target(batch, "Range.delete");
        if (shift !== "Up" && !(e.c0 === 0 && e.c1 === E.MAX_COLS - 1)) throw fail("NotImplemented", "Range.delete", null, "The double only implements Range.delete(\"Up\").");
        e.sheet.shiftUp(e.r0, e.c0, e.c1, e.r1 - e.r0 + 1);
        host.wb.log.writes.push({ sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), kind: "delete" });
      });
    }
    insert(shift) {
      this._q((batch) => {
        const e = this._target(batch, "Range.insert");
        if (shift !== "Down" && !(e.c0 === 0 && e.c1 === E.MAX_COLS - 1)) throw fail("NotImplemented", "Range.insert", null, "The double only implements Range.insert(\"Down\").");
        e.sheet.shiftDown(e.r0, e.c0, e.c1, e.r1 - e.r0 + 1);
        host.wb.log.writes.push({ sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), kind: "insert" });
      });
      return this._sub((e) => e);
    }
  }

  define(
    RangeProxy,
    "Range",
    {
      address: { get: (e) => E.formatAddress(e.sheet.name, e.r0, e.c0, e.r1, e.c1) },
      addressLocal: { get: (e) => E.formatAddress(e.sheet.name, e.r0, e.c0, e.r1, e.c1) },
      cellCount: { get: (e) => cellCount(e) },
      rowCount: { get: (e) => e.r1 - e.r0 + 1 },
      columnCount: { get: (e) => e.c1 - e.c0 + 1 },
      rowIndex: { get: (e) => e.r0 },
      columnIndex: { get: (e) => e.c0 },
      isEntireColumn: { get: (e) => e.r0 === 0 && e.r1 === E.MAX_ROWS - 1 },
      isEntireRow: { get: (e) => e.c0 === 0 && e.c1 === E.MAX_COLS - 1 },
      values: {
        get: (e) => matrix(e, cellValue(e)),
        set: (e, v) => writeMatrix(e, v, "values", "Range.values"),
        bytes: true,
      },
      text: {
        get: (e) => matrix(e, (r, c) => E.displayOf(host.wb, e.sheet, r, c)),
      },
      formulas: {
        get: (e) =>
          matrix(e, (r, c) => {
            const cell = e.sheet.cell(r, c);
            if (!cell) return "";
            if (cell.f !== undefined) return cell.f;
            return E.apiValue(cell.v);
          }),
        set: (e, v) => writeMatrix(e, v, "formulas", "Range.formulas"),
        bytes: true,
      },
      formulasLocal: {
        get: (e) =>
          matrix(e, (r, c) => {
            const cell = e.sheet.cell(r, c);
            if (!cell) return "";
            if (cell.f !== undefined) return host.wb.culture.listSep === ";" ? cell.f.replace(/,/g, ";") : cell.f;
            return E.apiValue(cell.v);
          }),
        set: (e, v) => writeMatrix(e, v, "formulas", "Range.formulasLocal"),
        noDefault: true,
      },
      numberFormat: {
        get: (e) =>
          matrix(e, (r, c) => {
            const cell = e.sheet.cell(r, c);
            return cell && cell.nf !== undefined ? cell.nf : "General";
          }),
        set: (e, v) => writeFormats(e, v, false, "Range.numberFormat"),
        bytes: true,
      },
      numberFormatLocal: {
        get: (e) =>
          matrix(e, (r, c) => {
            const cell = e.sheet.cell(r, c);
            return E.toLocalFormat(cell && cell.nf !== undefined ? cell.nf : "General", host.wb.culture);
          }),
        set: (e, v) => writeFormats(e, v, true, "Range.numberFormatLocal"),
      },
      valueTypes: { get: (e) => matrix(e, (r, c) => E.valueType(E.valueOf(host.wb, e.sheet, r, c))) },
      hidden: { get: () => false },
      rowHidden: { get: () => false, set: () => {} },
      columnHidden: { get: () => false, set: () => {} },
      hasSpill: { get: () => false },
      style: { get: () => "Normal", set: () => {} },
    },
    {
      format: (self) => new RangeFormatProxy(self._ctx, (batch) => self._target(batch, "Range.format")),
      worksheet: (self) => new WorksheetProxy(self._ctx, (batch) => self._target(batch, "Range.worksheet").sheet),
      conditionalFormats: (self) => new ConditionalFormatCollectionProxy(self._ctx, (batch) => self._target(batch, "Range.conditionalFormats")),
    },
    ["address", "addressLocal", "cellCount", "rowCount", "columnCount", "rowIndex", "columnIndex", "isEntireColumn", "isEntireRow", "values", "text", "formulas", "numberFormat", "numberFormatLocal", "valueTypes", "hidden", "style"],
  );

  // --- formats

  class RangeFormatProxy extends ClientObject {
    autofitColumns() {
      this._q((batch) => {
        const e = this._target(batch, "RangeFormat.autofitColumns");
        const u = usedIntersection(e, true);
        const c0 = u ? u.c0 : e.c0;
        const c1 = u ? u.c1 : Math.min(e.c1, e.c0 + 255);
        for (let c = c0; c <= c1; c++) {
          let max = 0;
          if (u) for (let r = u.r0; r <= u.r1; r++) max = Math.max(max, E.displayOf(host.wb, e.sheet, r, c).length);
          e.sheet.columnWidths.set(c, textWidthPoints("x".repeat(Math.max(1, max))));
        }
        e.sheet.log.push({ op: "autofitColumns", address: E.rangeRef(e.r0, e.c0, e.r1, e.c1) });
      });
    }
    autofitRows() {
      this._q((batch) => {
        const e = this._target(batch, "RangeFormat.autofitRows");
        e.sheet.log.push({ op: "autofitRows", address: E.rangeRef(e.r0, e.c0, e.r1, e.c1) });
      });
    }
  }
  const styleProp = (prop) => ({ get: (e) => readStyle(e, prop), set: (e, v) => writeStyle(e, prop, v) });
  define(
    RangeFormatProxy,
    "RangeFormat",
    {
      columnWidth: {
        get: (e) => uniformOver(e.c0, e.c1, (c) => columnWidth(e.sheet, c)),
        set: (e, v) => {
          for (let c = e.c0; c <= Math.min(e.c1, e.c0 + 16383); c++) e.sheet.columnWidths.set(c, v);
          e.sheet.log.push({ op: "format", address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), prop: "columnWidth", value: v });
        },
      },
      rowHeight: {
        get: (e) => uniformOver(e.r0, e.r1, (r) => rowHeight(e.sheet, r)),
        set: (e, v) => {
          for (let r = e.r0; r <= Math.min(e.r1, e.r0 + 100000); r++) e.sheet.rowHeights.set(r, v);
          e.sheet.log.push({ op: "format", address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), prop: "rowHeight", value: v });
        },
      },
      horizontalAlignment: styleProp("hAlign"),
      verticalAlignment: styleProp("vAlign"),
      wrapText: styleProp("wrap"),
      indentLevel: styleProp("indent"),
      useStandardWidth: { get: (e) => uniformOver(e.c0, e.c1, (c) => !e.sheet.columnWidths.has(c)) },
      useStandardHeight: { get: (e) => uniformOver(e.r0, e.r1, (r) => !e.sheet.rowHeights.has(r)) },
    },
    {
      font: (self) => new RangeFontProxy(self._ctx, (batch) => self._target(batch, "RangeFormat.font")),
      fill: (self) => new RangeFillProxy(self._ctx, (batch) => self._target(batch, "RangeFormat.fill")),
      borders: (self) => formatRecorder(self, "borders"),
      protection: (self) => formatRecorder(self, "protection"),
    },
  );

  class RangeFontProxy extends ClientObject {}
  define(RangeFontProxy, "RangeFont", {
    bold: styleProp("bold"),
    italic: styleProp("italic"),
    underline: styleProp("underline"),
    strikethrough: styleProp("strikethrough"),
    color: styleProp("fontColor"),
    name: styleProp("fontName"),
    size: styleProp("fontSize"),
  });

  class RangeFillProxy extends ClientObject {
    clear() {
      this._q((batch) => writeStyle(this._target(batch, "RangeFill.clear"), "fill", undefined));
    }
  }
  define(RangeFillProxy, "RangeFill", {
    color: styleProp("fill"),
    pattern: { get: () => "Solid", set: () => {} },
  });

  /** Records whatever is written to a sub-object we do not model (borders, chart axes ...). */
  function recorder(ctx, rootOf, path) {
    const local = {};
    const loaded = {};
    const children = {};
    const join = (p) => (path ? path + "." + p : p);
    const argOf = (a, batch) => {
      if (a instanceof RangeProxy) {
        const e = a._target(batch);
        return E.formatAddress(e.sheet.name, e.r0, e.c0, e.r1, e.c1);
      }
      return a === undefined ? null : JSON.parse(JSON.stringify(a));
    };
    const target = function () {};
    const proxy = new Proxy(target, {
      get(_, prop) {
        if (typeof prop === "symbol" || prop === "then" || prop === "$$typeof" || prop === "asymmetricMatch") return undefined;
        if (prop === "context") return ctx;
        if (prop === "isNullObject") return false;
        if (prop === "toJSON") return () => Object.assign({}, loaded, local);
        if (prop === "track" || prop === "untrack") return () => proxy;
        if (prop === "load")
          return (option) => {
            const spec = parseLoadOption(option);
            ctx._enqueue((batch) => {
              const root = rootOf(batch);
              const data = {};
              const names = spec.all ? Object.keys(root.props).filter((k) => k.startsWith(join("")) && !k.slice(join("").length).includes(".")).map((k) => k.slice(join("").length)) : spec.props;
              for (const name of names) data[name] = root.props[join(name)] === undefined ? null : root.props[join(name)];
              batch.commits.push(() => Object.assign(loaded, data));
            });
            return proxy;
          };
        if (prop === "set")
          return (values) => {
            for (const [k, v] of Object.entries(values || {})) proxy[k] = v;
          };
        if (prop in local) return local[prop];
        if (prop in loaded) return loaded[prop];
        return children[prop] || (children[prop] = recorder(ctx, rootOf, join(prop)));
      },
      set(_, prop, value) {
        local[prop] = value;
        const p = join(prop);
        ctx._enqueue((batch) => {
          const root = rootOf(batch);
          root.props[p] = argOf(value, batch);
          if (root.onSet) root.onSet(p, root.props[p]);
        });
        return true;
      },
      apply(_, __, args) {
        ctx._enqueue((batch) => {
          const root = rootOf(batch);
          root.calls.push({ method: path, args: args.map((a) => argOf(a, batch)) });
        });
        return recorder(ctx, rootOf, path + "(" + args.map((a) => (a instanceof RangeProxy ? "range" : JSON.stringify(a))).join(",") + ")");
      },
    });
    return proxy;
  }

  function formatRecorder(formatProxy, what) {
    let root = null;
    return recorder(
      formatProxy._ctx,
      (batch) => {
        const e = formatProxy._target(batch, "RangeFormat." + what);
        if (!root || root.sheet !== e.sheet.name) {
          root = { op: what, sheet: e.sheet.name, address: E.rangeRef(e.r0, e.c0, e.r1, e.c1), props: {}, calls: [] };
          const entry = { op: what, address: root.address, props: root.props, calls: root.calls };
          e.sheet.log.push(entry);
        }
        return root;
      },
      "",
    );
  }

  // --- conditional formats

  class ConditionalFormatCollectionProxy extends CollectionObject {
    add(type) {
      const slot = {};
      this._q((batch) => {
        const e = this._target(batch, "ConditionalFormatCollection.add");
        const valid = Object.values(ENUMS.ConditionalFormatType || {});
        if (valid.length && !valid.includes(type)) throw fail("InvalidArgument", "ConditionalFormatCollection.add");
        const sheet = e.sheet;
        const id = String(1 + sheet.conditionalFormats.reduce((m, cf) => Math.max(m, Number(cf.id) || 0), 0));
        const cf = { id, type, range: E.rangeRef(e.r0, e.c0, e.r1, e.c1), priority: 0, stopIfTrue: false, props: {}, calls: [] };
        sheet.conditionalFormats.forEach((other) => other.priority++);
        sheet.conditionalFormats.push(cf);
        slot.cf = { cf, sheet };
      });
      return new ConditionalFormatProxy(this._ctx, () => {
        if (!slot.cf) throw fail("GeneralException", "ConditionalFormatCollection.add");
        return slot.cf;
      });
    }
    clearAll() {
      this._q((batch) => {
        const e = this._target(batch, "ConditionalFormatCollection.clearAll");
        e.sheet.conditionalFormats = e.sheet.conditionalFormats.filter((cf) => !cfIntersects(cf, e));
      });
    }
    getCount() {
      return clientResult(this, (batch) => cfsIn(this._target(batch)).length);
    }
    getItemAt(index) {
      return child(ConditionalFormatProxy, this, (batch) => {
        const list = cfsIn(this._target(batch));
        if (!list[index]) throw fail("ItemNotFound", "ConditionalFormatCollection.getItemAt");
        return list[index];
      });
    }
    getItem(id) {
      return child(ConditionalFormatProxy, this, (batch) => {
        const found = cfsIn(this._target(batch)).find((x) => x.cf.id === String(id));
        if (!found) throw fail("ItemNotFound", "ConditionalFormatCollection.getItem");
        return found;
      });
    }
  }
  function cfIntersects(cf, e) {
    const a = E.parseAddress(cf.range);
    return a && !(a.r1 < e.r0 || a.r0 > e.r1 || a.c1 < e.c0 || a.c0 > e.c1);
  }
  function cfsIn(e) {
    return e.sheet.conditionalFormats.filter((cf) => cfIntersects(cf, e)).map((cf) => ({ cf, sheet: e.sheet }));
  }
  define(ConditionalFormatCollectionProxy, "ConditionalFormatCollection", {});
  collectionOf(ConditionalFormatCollectionProxy, null, (e) => cfsIn(e));

  class ConditionalFormatProxy extends ClientObject {
    delete() {
      this._q((batch) => {
        const { cf, sheet } = this._target(batch, "ConditionalFormat.delete");
        sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
      });
    }
    getRange() {
      return child(RangeProxy, this, (batch) => {
        const { cf, sheet } = this._target(batch);
        const a = E.parseAddress(cf.range);
        return rng(sheet, a.r0, a.c0, a.r1, a.c1);
      });
    }
    getRangeOrNullObject() {
      return this.getRange();
    }
  }
  const cfRecorder = (name) => (self) => recorder(self._ctx, (batch) => self._target(batch, "ConditionalFormat." + name).cf, name);
  define(
    ConditionalFormatProxy,
    "ConditionalFormat",
    {
      id: { get: (x) => x.cf.id },
      type: { get: (x) => x.cf.type },
      priority: { get: (x) => x.cf.priority, set: (x, v) => (x.cf.priority = v) },
      stopIfTrue: { get: (x) => x.cf.stopIfTrue, set: (x, v) => (x.cf.stopIfTrue = v) },
    },
    Object.fromEntries(["cellValue", "cellValueOrNullObject", "colorScale", "colorScaleOrNullObject", "custom", "customOrNullObject", "dataBar", "dataBarOrNullObject", "iconSet", "iconSetOrNullObject", "preset", "presetOrNullObject", "textComparison", "textComparisonOrNullObject", "topBottom", "topBottomOrNullObject"].map((n) => [n, cfRecorder(n.replace("OrNullObject", ""))])),
  );
  ConditionalFormatCollectionProxy._collection.itemClass = ConditionalFormatProxy;

  // ---------------------------------------------------------------------------
  // Worksheets.

  function sheetRange(sheet) {
    return { sheet, r0: 0, c0: 0, r1: E.MAX_ROWS - 1, c1: E.MAX_COLS - 1 };
  }

  class WorksheetProxy extends ClientObject {
    _sheetOp(location, fn) {
      this._q((batch) => fn(this._target(batch, location), batch));
    }
    getRange(address) {
      return child(RangeProxy, this, (batch) => {
        const sheet = this._target(batch, "Worksheet.getRange");
        if (address === undefined || address === null || address === "") return sheetRange(sheet);
        const a = E.parseAddress(address);
        if (!a) throw fail("InvalidArgument", "Worksheet.getRange", null, "The argument 'address' is invalid or missing or has an incorrect format: " + JSON.stringify(address));
        if (a.sheetName && host.wb.sheetByName(a.sheetName) !== sheet) throw fail("InvalidArgument", "Worksheet.getRange");
        return rng(sheet, a.r0, a.c0, a.r1, a.c1, "Worksheet.getRange");
      });
    }
    getRangeByIndexes(startRow, startColumn, rowCount, columnCount) {
      return child(RangeProxy, this, (batch) => {
        const sheet = this._target(batch, "Worksheet.getRangeByIndexes");
        if (rowCount < 1 || columnCount < 1) throw fail("InvalidArgument", "Worksheet.getRangeByIndexes");
        return rng(sheet, startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1, "Worksheet.getRangeByIndexes");
      });
    }
    getCell(row, column) {
      return this.getRangeByIndexes(row, column, 1, 1);
    }
    getUsedRange(valuesOnly) {
      return child(RangeProxy, this, (batch) => {
        const sheet = this._target(batch, "Worksheet.getUsedRange");
        const b = sheet.usedBounds(!!valuesOnly);
        return b ? { sheet, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 } : rng(sheet, 0, 0, 0, 0);
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return child(
        RangeProxy,
        this,
        (batch) => {
          const sheet = this._target(batch, "Worksheet.getUsedRangeOrNullObject");
          const b = sheet.usedBounds(!!valuesOnly);
          return b ? { sheet, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 } : NULL;
        },
        { nullable: true },
      );
    }
    activate() {
      this._sheetOp("Worksheet.activate", (sheet) => {
        if (sheet.visibility !== "Visible") throw fail("InvalidOperation", "Worksheet.activate");
        const changed = host.wb.activeSheetId !== sheet.id;
        host.wb.activeSheetId = sheet.id;
        if (changed) {
          pendingEvents.push(() => fire("worksheets:onActivated", { type: "WorksheetActivated", worksheetId: sheet.id }));
          pendingEvents.push(() => fire("sheet:" + sheet.id + ":onActivated", { type: "WorksheetActivated", worksheetId: sheet.id }));
          pendingEvents.push(() => selectionChanged(sheet));
        }
      });
    }
    delete() {
      this._sheetOp("Worksheet.delete", (sheet) => host.wb.deleteSheet(sheet));
    }
    calculate() {
      this._sheetOp("Worksheet.calculate", () => {});
    }
    getNext(visibleOnly) {
      return child(WorksheetProxy, this, (batch) => neighbour(this._target(batch), 1, visibleOnly, "Worksheet.getNext"));
    }
    getPrevious(visibleOnly) {
      return child(WorksheetProxy, this, (batch) => neighbour(this._target(batch), -1, visibleOnly, "Worksheet.getPrevious"));
    }
  }

  function neighbour(sheet, dir, visibleOnly, location) {
    const list = visibleOnly ? host.wb.visibleSheets() : host.wb.sheets;
    const next = list[list.indexOf(sheet) + dir];
    if (!next) throw fail("ItemNotFound", location);
    return next;
  }

  define(
    WorksheetProxy,
    "Worksheet",
    {
      name: {
        get: (s) => s.name,
        set: (s, v) => {
          host.wb.validateSheetName(v, s);
          s.name = v;
        },
      },
      id: { get: (s) => s.id },
      position: {
        get: (s) => host.wb.sheets.indexOf(s),
        set: (s, v) => {
          const list = host.wb.sheets;
          if (!(v >= 0 && v < list.length)) throw fail("InvalidArgument", "Worksheet.position");
          list.splice(list.indexOf(s), 1);
          list.splice(v, 0, s);
        },
      },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v) => {
          if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw fail("InvalidArgument", "Worksheet.visibility");
          if (v !== "Visible" && s.visibility === "Visible" && host.wb.visibleSheets().length <= 1) throw fail("InvalidOperation", "Worksheet.visibility");
          s.visibility = v;
          if (v !== "Visible" && host.wb.activeSheetId === s.id) host.wb.activeSheetId = host.wb.visibleSheets()[0].id;
        },
      },
      showGridlines: { get: (s) => s.showGridlines, set: (s, v) => (s.showGridlines = !!v) },
      showHeadings: { get: () => true, set: () => {} },
      tabColor: { get: (s) => s.tabColor, set: (s, v) => (s.tabColor = v) },
      standardWidth: { get: () => 8.43, set: () => {} },
      standardHeight: { get: () => 15 },
      enableCalculation: { get: () => true, set: () => {} },
    },
    {
      tables: (self) => new TableCollectionProxy(self._ctx, (batch) => ({ scope: "sheet", sheet: self._target(batch, "Worksheet.tables") })),
      charts: (self) => new ChartCollectionProxy(self._ctx, (batch) => self._target(batch, "Worksheet.charts")),
      freezePanes: (self) => new FreezePanesProxy(self._ctx, (batch) => self._target(batch, "Worksheet.freezePanes")),
      protection: (self) => recorder(self._ctx, (batch) => sheetLogRoot(self._target(batch), "protection"), ""),
      onSelectionChanged: (self) => new EventHandlers(self._ctx, (batch) => "sheet:" + self._target(batch).id + ":onSelectionChanged"),
      onActivated: (self) => new EventHandlers(self._ctx, (batch) => "sheet:" + self._target(batch).id + ":onActivated"),
      onDeactivated: (self) => new EventHandlers(self._ctx, (batch) => "sheet:" + self._target(batch).id + ":onDeactivated"),
      onChanged: (self) => new EventHandlers(self._ctx, (batch) => "sheet:" + self._target(batch).id + ":onChanged"),
      onCalculated: (self) => new EventHandlers(self._ctx, (batch) => "sheet:" + self._target(batch).id + ":onCalculated"),
    },
    ["name", "id", "position", "visibility", "showGridlines", "tabColor", "standardWidth", "standardHeight", "enableCalculation"],
  );

  function sheetLogRoot(sheet, op) {
    const entry = { op, props: {}, calls: [] };
    sheet.log.push(entry);
    return entry;
  }

  class FreezePanesProxy extends ClientObject {
    freezeRows(count) {
      this._q((batch) => (this._target(batch, "WorksheetFreezePanes.freezeRows").frozen = { rows: count === undefined ? 1 : count, columns: 0 }));
    }
    freezeColumns(count) {
      this._q((batch) => (this._target(batch, "WorksheetFreezePanes.freezeColumns").frozen = { rows: 0, columns: count === undefined ? 1 : count }));
    }
    freezeAt(frozenRange) {
      checkContext(this, frozenRange);
      this._q((batch) => {
        const sheet = this._target(batch, "WorksheetFreezePanes.freezeAt");
        const e = rangeArg(frozenRange, sheet, batch, "WorksheetFreezePanes.freezeAt");
        sheet.frozen = { rows: e.r0 === 0 && e.r1 < E.MAX_ROWS - 1 ? e.r1 + 1 : 0, columns: e.c0 === 0 && e.c1 < E.MAX_COLS - 1 ? e.c1 + 1 : 0 };
      });
    }
    unfreeze() {
      this._q((batch) => (this._target(batch, "WorksheetFreezePanes.unfreeze").frozen = { rows: 0, columns: 0 }));
    }
    getLocationOrNullObject() {
      return child(
        RangeProxy,
        this,
        (batch) => {
          const sheet = this._target(batch);
          const { rows, columns } = sheet.frozen;
          if (!rows && !columns) return NULL;
          return rng(sheet, 0, 0, rows ? rows - 1 : E.MAX_ROWS - 1, columns ? columns - 1 : E.MAX_COLS - 1);
        },
        { nullable: true },
      );
    }
  }
  define(FreezePanesProxy, "WorksheetFreezePanes", {});

  class WorksheetCollectionProxy extends CollectionObject {
    getItem(key) {
      return child(WorksheetProxy, this, () => {
        const sheet = host.wb.sheetByKey(key);
        if (!sheet) throw fail("ItemNotFound", "WorksheetCollection.getItem", null, "The requested resource doesn't exist. (worksheet '" + key + "')");
        return sheet;
      });
    }
    getItemOrNullObject(key) {
      return child(WorksheetProxy, this, () => host.wb.sheetByKey(key) || NULL, { nullable: true });
    }
    add(name) {
      const slot = {};
      this._q(() => {
        slot.sheet = host.wb.addSheet(name === undefined || name === null || name === "" ? null : name);
      });
      return new WorksheetProxy(this._ctx, () => {
        if (!slot.sheet) throw fail("GeneralException", "WorksheetCollection.add");
        return slot.sheet;
      });
    }
    getActiveWorksheet() {
      return child(WorksheetProxy, this, () => host.wb.activeSheet());
    }
    getFirst(visibleOnly) {
      return child(WorksheetProxy, this, () => (visibleOnly ? host.wb.visibleSheets() : host.wb.sheets)[0]);
    }
    getLast(visibleOnly) {
      return child(WorksheetProxy, this, () => {
        const list = visibleOnly ? host.wb.visibleSheets() : host.wb.sheets;
        return list[list.length - 1];
      });
    }
    getCount(visibleOnly) {
      return clientResult(this, () => (visibleOnly ? host.wb.visibleSheets() : host.wb.sheets).length);
    }
  }
  define(
    WorksheetCollectionProxy,
    "WorksheetCollection",
    {},
    {
      onSelectionChanged: (self) => new EventHandlers(self._ctx, () => "worksheets:onSelectionChanged"),
      onActivated: (self) => new EventHandlers(self._ctx, () => "worksheets:onActivated"),
      onAdded: (self) => new EventHandlers(self._ctx, () => "worksheets:onAdded"),
      onDeleted: (self) => new EventHandlers(self._ctx, () => "worksheets:onDeleted"),
      onChanged: (self) => new EventHandlers(self._ctx, () => "worksheets:onChanged"),
      onCalculated: (self) => new EventHandlers(self._ctx, () => "worksheets:onCalculated"),
    },
  );
  collectionOf(WorksheetCollectionProxy, WorksheetProxy, () => host.wb.sheets.slice());

  // ---------------------------------------------------------------------------
  // Tables.

  function tablesInScope(scope) {
    const all = host.wb.tables;
    if (!scope || scope.scope === "workbook") return all.slice();
    if (scope.scope === "sheet") return all.filter((t) => t.sheet === scope.sheet);
    const e = scope.range;
    return all.filter((t) => {
      if (t.sheet !== e.sheet) return false;
      const b = t.bounds();
      if (scope.fullyContained) return b.r0 >= e.r0 && b.r1 <= e.r1 && b.c0 >= e.c0 && b.c1 <= e.c1;
      return !(b.r1 < e.r0 || b.r0 > e.r1 || b.c1 < e.c0 || b.c0 > e.c1);
    });
  }

  class TableCollectionProxy extends CollectionObject {
    add(address, hasHeaders) {
      checkContext(this, address);
      const slot = {};
      this._q((batch) => {
        const scope = this._target(batch, "TableCollection.add");
        if (scope.scope === "range") throw fail("InvalidOperation", "TableScopedCollection.add");
        const defaultSheet = scope.scope === "sheet" ? scope.sheet : host.wb.activeSheet();
        const e = rangeArg(address, defaultSheet, batch, "TableCollection.add");
        if (scope.scope === "sheet" && e.sheet !== scope.sheet) throw fail("InvalidArgument", "TableCollection.add");
        slot.table = host.wb.addTable(e.sheet, e.r0, e.c0, e.r1, e.c1, !!hasHeaders);
      });
      return new TableProxy(this._ctx, () => {
        if (!slot.table) throw fail("GeneralException", "TableCollection.add");
        return slot.table;
      });
    }
    _find(key, batch) {
      const list = tablesInScope(this._target(batch));
      const lower = String(key).toLowerCase();
      return list.find((t) => t.id === String(key) || t.name.toLowerCase() === lower);
    }
    getItem(key) {
      return child(TableProxy, this, (batch) => {
        const t = this._find(key, batch);
        if (!t) throw fail("ItemNotFound", "TableCollection.getItem", null, "The requested resource doesn't exist. (table '" + key + "')");
        return t;
      });
    }
    getItemOrNullObject(key) {
      return child(TableProxy, this, (batch) => this._find(key, batch) || NULL, { nullable: true });
    }
    getItemAt(index) {
      return child(TableProxy, this, (batch) => {
        const t = tablesInScope(this._target(batch))[index];
        if (!t) throw fail("ItemNotFound", "TableCollection.getItemAt");
        return t;
      });
    }
    getFirst() {
      return child(TableProxy, this, (batch) => {
        const t = tablesInScope(this._target(batch))[0];
        if (!t) throw fail("ItemNotFound", "TableScopedCollection.getFirst");
        return t;
      });
    }
    getFirstOrNullObject() {
      return child(TableProxy, this, (batch) => tablesInScope(this._target(batch))[0] || NULL, { nullable: true });
    }
    getCount() {
      return clientResult(this, (batch) => tablesInScope(this._target(batch)).length);
    }
  }
  define(
    TableCollectionProxy,
    "TableCollection",
    { count: { get: (scope) => tablesInScope(scope).length } },
    {
      onChanged: (self) => new EventHandlers(self._ctx, () => "tables:onChanged"),
      onAdded: (self) => new EventHandlers(self._ctx, () => "tables:onAdded"),
      onDeleted: (self) => new EventHandlers(self._ctx, () => "tables:onDeleted"),
    },
  );

  function tableRange(t, which) {
    const b = which === "body" ? t.bodyBounds() : t.bounds();
    if (which === "header") return { sheet: t.sheet, r0: t.r0, c0: b.c0, r1: t.r0, c1: b.c1 };
    if (which === "total") return { sheet: t.sheet, r0: b.r1, c0: b.c0, r1: b.r1, c1: b.c1 };
    return { sheet: t.sheet, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 };
  }

  function rowsOf(input, count, location) {
    if (input === undefined || input === null) return [new Array(count).fill(null)];
    const value = JSON.parse(JSON.stringify(input));
    if (!Array.isArray(value)) return [new Array(count).fill(value)];
    if (!value.every((row) => Array.isArray(row) && row.length === count)) {
      throw fail("InvalidArgument", location, null, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    return value;
  }

  function addTableRows(t, index, values) {
    t.normalize();
    const wb = host.wb;
    const sheet = t.sheet;
    const rows = rowsOf(values, t.columnCount, "TableRowCollection.add");
    if (!rows.length) throw fail("InvalidArgument", "TableRowCollection.add");
    const at = index === undefined || index === null || index === -1 ? t.dataRows : index;
    if (!(at >= 0 && at <= t.dataRows)) throw fail("InvalidArgument", "TableRowCollection.add");
    rows.forEach((row) => row.forEach((v) => E.checkWritable(wb, v, undefined, "TableRowCollection.add")));
    const bodyStart = t.bodyStart();
    const c1 = t.c0 + t.columnCount - 1;
    // Formats of the neighbouring data row are carried to the new rows, as Excel tables do.
    const templateRow = t.dataRows > 0 ? bodyStart + (at > 0 ? at - 1 : 0) : bodyStart;
    const template = [];
    for (let c = t.c0; c <= c1; c++) {
      const cell = sheet.cell(templateRow, c);
      template.push(cell ? { nf: cell.nf, s: cell.s } : null);
    }
    const insertAt = bodyStart + at;
    if (t.dataRows === 0) {
      if (rows.length > 1) sheet.shiftDown(bodyStart + 1, t.c0, c1, rows.length - 1);
    } else {
      sheet.shiftDown(insertAt, t.c0, c1, rows.length);
    }
    t.dataRows += rows.length;
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const tpl = template[j];
        if (tpl && (tpl.nf !== undefined || tpl.s !== undefined)) {
          const cell = sheet.ensure(insertAt + i, t.c0 + j);
          if (tpl.nf !== undefined && cell.nf === undefined) cell.nf = tpl.nf;
          if (tpl.s !== undefined && cell.s === undefined) cell.s = Object.assign({}, tpl.s);
        }
        E.writeCell(wb, sheet, insertAt + i, t.c0 + j, v, "values");
      });
    });
    wb.log.writes.push({ sheet: sheet.name, address: E.rangeRef(insertAt, t.c0, insertAt + rows.length - 1, c1), kind: "tableRows:" + t.name });
    return { table: t, index: at };
  }

  function deleteTableRows(t, index, count) {
    t.normalize();
    if (!(index >= 0 && index + count <= t.dataRows)) throw fail("InvalidArgument", "TableRow.delete");
    const start = t.bodyStart() + index;
    const c1 = t.c0 + t.columnCount - 1;
    if (t.dataRows - count === 0) {
      // the last rows go; one empty insert row remains
      for (let c = t.c0; c <= c1; c++) {
        const cell = t.sheet.cell(start, c);
        if (cell) {
          delete cell.v;
          delete cell.f;
          t.sheet.prune(start, c);
        }
      }
      if (count > 1) t.sheet.shiftUp(start + 1, t.c0, c1, count - 1);
    } else t.sheet.shiftUp(start, t.c0, c1, count);
    t.dataRows -= count;
  }

  class TableProxy extends ClientObject {
    getRange() {
      return child(RangeProxy, this, (batch) => tableRange(this._target(batch, "Table.getRange"), "all"));
    }
    getDataBodyRange() {
      return child(RangeProxy, this, (batch) => tableRange(this._target(batch, "Table.getDataBodyRange"), "body"));
    }
    getHeaderRowRange() {
      return child(RangeProxy, this, (batch) => {
        const t = this._target(batch, "Table.getHeaderRowRange");
        if (!t.showHeaders) throw fail("ItemNotFound", "Table.getHeaderRowRange");
        return tableRange(t, "header");
      });
    }
    getTotalRowRange() {
      return child(RangeProxy, this, (batch) => {
        const t = this._target(batch, "Table.getTotalRowRange");
        if (!t.showTotals) throw fail("ItemNotFound", "Table.getTotalRowRange");
        return tableRange(t, "total");
      });
    }
    delete() {
      this._q((batch) => {
        const t = this._target(batch, "Table.delete");
        const b = t.bounds();
        for (let r = b.r0; r <= b.r1; r++) {
          for (let c = b.c0; c <= b.c1; c++) {
            t.sheet.cells.delete(E.key(r, c));
          }
        }
        host.wb.deleteTable(t);
      });
    }
    convertToRange() {
      this._q((batch) => host.wb.deleteTable(this._target(batch, "Table.convertToRange")));
      return child(RangeProxy, this, () => {
        throw fail("ItemNotFound", "Table.convertToRange");
      });
    }
    clearFilters() {
      this._q((batch) => this._target(batch));
    }
    reapplyFilters() {
      this._q((batch) => this._target(batch));
    }
  }
  define(
    TableProxy,
    "Table",
    {
      name: {
        get: (t) => t.name,
        set: (t, v) => {
          host.wb.validateTableName(v, t);
          t.name = v;
        },
      },
      id: { get: (t) => t.id },
      legacyId: { get: (t) => t.id },
      showHeaders: {
        get: (t) => t.showHeaders,
        set: (t, v) => {
          v = !!v;
          if (v === t.showHeaders) return;
          if (!v) {
            t.hiddenHeaderNames = t.headerNames();
            for (let c = t.c0; c < t.c0 + t.columnCount; c++) t.sheet.cells.delete(E.key(t.r0, c));
            t.r0 += 1;
            t.showHeaders = false;
          } else {
            if (t.r0 === 0) throw fail("InvalidOperation", "Table.showHeaders");
            t.r0 -= 1;
            t.showHeaders = true;
            (t.hiddenHeaderNames || []).forEach((name, i) => (t.sheet.ensure(t.r0, t.c0 + i).v = name));
          }
        },
      },
      showTotals: {
        get: (t) => t.showTotals,
        set: (t, v) => {
          v = !!v;
          if (v === t.showTotals) return;
          const b = t.bounds();
          if (v) {
            t.sheet.shiftDown(b.r1 + 1, b.c0, b.c1, 1);
            t.showTotals = true;
            const cell = t.sheet.ensure(b.r1 + 1, b.c0);
            cell.v = "Total";
          } else {
            for (let c = b.c0; c <= b.c1; c++) t.sheet.cells.delete(E.key(b.r1, c));
            t.sheet.shiftUp(b.r1, b.c0, b.c1, 1);
            t.showTotals = false;
          }
        },
      },
      style: { get: (t) => t.style, set: (t, v) => (t.style = v) },
      showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => (t.showBandedRows = !!v) },
      showBandedColumns: { get: (t) => t.showBandedColumns, set: (t, v) => (t.showBandedColumns = !!v) },
      showFilterButton: { get: (t) => t.showFilterButton, set: (t, v) => (t.showFilterButton = !!v) },
      highlightFirstColumn: { get: (t) => t.highlightFirstColumn, set: (t, v) => (t.highlightFirstColumn = !!v) },
      highlightLastColumn: { get: (t) => t.highlightLastColumn, set: (t, v) => (t.highlightLastColumn = !!v) },
    },
    {
      worksheet: (self) => new WorksheetProxy(self._ctx, (batch) => self._target(batch, "Table.worksheet").sheet),
      rows: (self) => new TableRowCollectionProxy(self._ctx, (batch) => self._target(batch, "Table.rows")),
      columns: (self) => new TableColumnCollectionProxy(self._ctx, (batch) => self._target(batch, "Table.columns")),
      sort: (self) => recorder(self._ctx, (batch) => sheetLogRoot(self._target(batch).sheet, "tableSort:" + self._target(batch).name), ""),
      autoFilter: (self) => recorder(self._ctx, (batch) => sheetLogRoot(self._target(batch).sheet, "tableAutoFilter:" + self._target(batch).name), ""),
      onChanged: (self) => new EventHandlers(self._ctx, (batch) => "table:" + self._target(batch).id + ":onChanged"),
      onSelectionChanged: (self) => new EventHandlers(self._ctx, (batch) => "table:" + self._target(batch).id + ":onSelectionChanged"),
    },
  );
  collectionOf(TableCollectionProxy, TableProxy, (scope) => tablesInScope(scope));

  class TableRowCollectionProxy extends CollectionObject {
    add(index, values, alwaysInsert) {
      void alwaysInsert;
      this._ctx._addRequestBytes(values);
      const slot = {};
      this._q((batch) => {
        slot.row = addTableRows(this._target(batch, "TableRowCollection.add"), index, values);
      });
      return new TableRowProxy(this._ctx, () => {
        if (!slot.row) throw fail("GeneralException", "TableRowCollection.add");
        return slot.row;
      });
    }
    getCount() {
      return clientResult(this, (batch) => this._target(batch, "TableRowCollection.getCount").normalize().dataRows);
    }
    getItemAt(index) {
      return child(TableRowProxy, this, (batch) => {
        const t = this._target(batch, "TableRowCollection.getItemAt");
        if (!(index >= 0 && index < t.normalize().dataRows)) throw fail("ItemNotFound", "TableRowCollection.getItemAt");
        return { table: t, index };
      });
    }
    deleteRowsAt(index, count) {
      this._q((batch) => deleteTableRows(this._target(batch, "TableRowCollection.deleteRowsAt"), index, count === undefined ? 1 : count));
    }
  }
  define(TableRowCollectionProxy, "TableRowCollection", { count: { get: (t) => t.normalize().dataRows } });
  collectionOf(TableRowCollectionProxy, null, (t) => Array.from({ length: t.normalize().dataRows }, (_, index) => ({ table: t, index })));

  function tableRowRange(x) {
    const r = x.table.bodyStart() + x.index;
    return { sheet: x.table.sheet, r0: r, c0: x.table.c0, r1: r, c1: x.table.c0 + x.table.columnCount - 1 };
  }

  class TableRowProxy extends ClientObject {
    getRange() {
      return child(RangeProxy, this, (batch) => tableRowRange(this._target(batch, "TableRow.getRange")));
    }
    delete() {
      this._q((batch) => {
        const x = this._target(batch, "TableRow.delete");
        deleteTableRows(x.table, x.index, 1);
      });
    }
  }
  define(TableRowProxy, "TableRow", {
    index: { get: (x) => x.index },
    values: {
      get: (x) => matrix(tableRowRange(x), cellValue(tableRowRange(x))),
      set: (x, v) => writeMatrix(tableRowRange(x), v, "values", "TableRow.values"),
      bytes: true,
    },
    text: { get: (x) => matrix(tableRowRange(x), (r, c) => E.displayOf(host.wb, x.table.sheet, r, c)), noDefault: true },
  });
  TableRowCollectionProxy._collection.itemClass = TableRowProxy;

  function columnRange(x, which) {
    const t = x.table;
    const b = which === "body" ? t.bodyBounds() : t.bounds();
    const c = t.c0 + x.index;
    if (which === "header") return { sheet: t.sheet, r0: t.r0, c0: c, r1: t.r0, c1: c };
    if (which === "total") return { sheet: t.sheet, r0: b.r1, c0: c, r1: b.r1, c1: c };
    return { sheet: t.sheet, r0: b.r0, c0: c, r1: b.r1, c1: c };
  }

  class TableColumnCollectionProxy extends CollectionObject {
    add(index, values, name) {
      const slot = {};
      this._q((batch) => {
        const t = this._target(batch, "TableColumnCollection.add");
        const at = index === undefined || index === null || index === -1 ? t.columnCount : index;
        if (!(at >= 0 && at <= t.columnCount)) throw fail("InvalidArgument", "TableColumnCollection.add");
        const b = t.bounds();
        const height = b.r1 - b.r0 + 1;
        let column = null;
        if (values !== undefined && values !== null) {
          const v = JSON.parse(JSON.stringify(values));
          if (!Array.isArray(v) || v.length !== height || v.some((row) => !Array.isArray(row) || row.length !== 1)) throw fail("InvalidArgument", "TableColumnCollection.add");
          column = v.map((row) => row[0]);
        }
        const existing = t.headerNames().map((n) => n.toLowerCase());
        let header = name || (column && column[0] !== null && column[0] !== "" ? String(column[0]) : null);
        if (!header) header = host.wb.nextName("Column", (n) => existing.includes(n.toLowerCase()));
        if (existing.includes(String(header).toLowerCase())) header = E.uniqueHeaders(t.headerNames().concat([header])).pop();
        const c = t.c0 + at;
        shiftRight(t.sheet, c, b.r0, b.r1, 1);
        t.columnCount += 1;
        for (let r = b.r0; r <= b.r1; r++) {
          if (r === t.r0 && t.showHeaders) {
            const cell = t.sheet.ensure(r, c);
            cell.v = header;
          } else if (column) E.writeCell(host.wb, t.sheet, r, c, column[r - b.r0], "values");
        }
        if (!t.showHeaders && t.hiddenHeaderNames) t.hiddenHeaderNames.splice(at, 0, header);
        slot.col = { table: t, index: at };
      });
      return new TableColumnProxy(this._ctx, () => {
        if (!slot.col) throw fail("GeneralException", "TableColumnCollection.add");
        return slot.col;
      });
    }
    _find(key, batch) {
      const t = this._target(batch, "TableColumnCollection.getItem");
      const names = t.headerNames();
      let index = names.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
      if (index < 0 && (typeof key === "number" || /^\d+$/.test(String(key)))) index = Number(key) - 1;
      if (!(index >= 0 && index < t.columnCount)) return null;
      return { table: t, index };
    }
    getItem(key) {
      return child(TableColumnProxy, this, (batch) => {
        const found = this._find(key, batch);
        if (!found) throw fail("ItemNotFound", "TableColumnCollection.getItem", null, "The requested resource doesn't exist. (column '" + key + "')");
        return found;
      });
    }
    getItemOrNullObject(key) {
      return child(TableColumnProxy, this, (batch) => this._find(key, batch) || NULL, { nullable: true });
    }
    getItemAt(index) {
      return child(TableColumnProxy, this, (batch) => {
        const t = this._target(batch, "TableColumnCollection.getItemAt");
        if (!(index >= 0 && index < t.columnCount)) throw fail("ItemNotFound", "TableColumnCollection.getItemAt");
        return { table: t, index };
      });
    }
    getCount() {
      return clientResult(this, (batch) => this._target(batch).columnCount);
    }
  }
  define(TableColumnCollectionProxy, "TableColumnCollection", { count: { get: (t) => t.columnCount } });
  collectionOf(TableColumnCollectionProxy, null, (t) => Array.from({ length: t.columnCount }, (_, index) => ({ table: t, index })));

  function shiftRight(sheet, c, r0, r1, n) {
    const moved = [];
    for (const [k, cell] of sheet.cells) {
      const row = Math.floor(k / E.MAX_COLS);
      const col = k - row * E.MAX_COLS;
      if (col >= c && row >= r0 && row <= r1) moved.push([row, col, cell]);
    }
    for (const [row, col] of moved) sheet.cells.delete(E.key(row, col));
    for (const [row, col, cell] of moved) if (col + n < E.MAX_COLS) sheet.cells.set(E.key(row, col + n), cell);
  }

  class TableColumnProxy extends ClientObject {
    getRange() {
      return child(RangeProxy, this, (batch) => columnRange(this._target(batch, "TableColumn.getRange"), "all"));
    }
    getDataBodyRange() {
      return child(RangeProxy, this, (batch) => columnRange(this._target(batch, "TableColumn.getDataBodyRange"), "body"));
    }
    getHeaderRowRange() {
      return child(RangeProxy, this, (batch) => columnRange(this._target(batch, "TableColumn.getHeaderRowRange"), "header"));
    }
    getTotalRowRange() {
      return child(RangeProxy, this, (batch) => {
        const x = this._target(batch, "TableColumn.getTotalRowRange");
        if (!x.table.showTotals) throw fail("ItemNotFound", "TableColumn.getTotalRowRange");
        return columnRange(x, "total");
      });
    }
    delete() {
      this._q((batch) => {
        const x = this._target(batch, "TableColumn.delete");
        const t = x.table;
        if (t.columnCount <= 1) throw fail("InvalidOperation", "TableColumn.delete");
        const b = t.bounds();
        const c = t.c0 + x.index;
        for (let r = b.r0; r <= b.r1; r++) t.sheet.cells.delete(E.key(r, c));
        shiftRight(t.sheet, c + 1, b.r0, b.r1, -1);
        t.columnCount -= 1;
      });
    }
  }
  define(TableColumnProxy, "TableColumn", {
    id: { get: (x) => x.index + 1 },
    index: { get: (x) => x.index },
    name: {
      get: (x) => x.table.headerNames()[x.index],
      set: (x, v) => {
        const names = x.table.headerNames();
        if (names.some((n, i) => i !== x.index && n.toLowerCase() === String(v).toLowerCase())) throw fail("ItemAlreadyExists", "TableColumn.name");
        if (x.table.showHeaders) x.table.sheet.ensure(x.table.r0, x.table.c0 + x.index).v = String(v);
        else x.table.hiddenHeaderNames[x.index] = String(v);
      },
    },
    values: {
      get: (x) => matrix(columnRange(x, "all"), cellValue(columnRange(x, "all"))),
      set: (x, v) => writeMatrix(columnRange(x, "all"), v, "values", "TableColumn.values"),
      bytes: true,
    },
  });
  TableColumnCollectionProxy._collection.itemClass = TableColumnProxy;

  // ---------------------------------------------------------------------------
  // Charts.

  const CHART_TYPES = Object.values(ENUMS.ChartType || {});

  function chartRecorder(self, path) {
    return recorder(self._ctx, (batch) => self._target(batch, "Chart." + path).chart, path);
  }

  function chartsOf(sheet) {
    return sheet.charts.map((chart) => ({ chart, sheet }));
  }

  class ChartCollectionProxy extends CollectionObject {
    add(type, sourceData, seriesBy) {
      checkContext(this, sourceData);
      const slot = {};
      this._q((batch) => {
        const sheet = this._target(batch, "ChartCollection.add");
        const canonical = CHART_TYPES.find((t) => t.toLowerCase() === String(type).toLowerCase());
        if (CHART_TYPES.length && (!canonical || canonical === "Invalid")) throw fail("InvalidArgument", "ChartCollection.add", null, "Unknown chart type " + JSON.stringify(type));
        if (!(sourceData instanceof RangeProxy)) throw fail("InvalidArgument", "ChartCollection.add");
        const src = sourceData._target(batch, "ChartCollection.add");
        const names = new Set(sheet.charts.map((c) => c.name));
        const name = host.wb.nextName(host.wb.culture.chartPrefix, (n) => names.has(n));
        const chart = {
          id: "{CHART-" + ++host.wb.nextChartId + "}",
          name,
          chartType: canonical || type,
          source: E.formatAddress(src.sheet.name, src.r0, src.c0, src.r1, src.c1),
          seriesBy: seriesBy || "Auto",
          title: { text: "", visible: true },
          position: null,
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          props: {},
          calls: [],
        };
        sheet.charts.push(chart);
        slot.chart = { chart, sheet };
      });
      return new ChartProxy(this._ctx, () => {
        if (!slot.chart) throw fail("GeneralException", "ChartCollection.add");
        return slot.chart;
      });
    }
    _find(key, batch) {
      const sheet = this._target(batch, "ChartCollection.getItem");
      return chartsOf(sheet).find((x) => x.chart.name === key || x.chart.id === key);
    }
    getItem(name) {
      return child(ChartProxy, this, (batch) => {
        const found = this._find(name, batch);
        if (!found) throw fail("ItemNotFound", "ChartCollection.getItem");
        return found;
      });
    }
    getItemOrNullObject(name) {
      return child(ChartProxy, this, (batch) => this._find(name, batch) || NULL, { nullable: true });
    }
    getItemAt(index) {
      return child(ChartProxy, this, (batch) => {
        const found = chartsOf(this._target(batch))[index];
        if (!found) throw fail("ItemNotFound", "ChartCollection.getItemAt");
        return found;
      });
    }
    getCount() {
      return clientResult(this, (batch) => this._target(batch).charts.length);
    }
  }
  define(ChartCollectionProxy, "ChartCollection", { count: { get: (sheet) => sheet.charts.length } });

  class ChartProxy extends ClientObject {
    _resolve(batch) {
      const ent = super._resolve(batch);
      if (ent !== NULL && !ent.sheet.charts.includes(ent.chart)) throw fail("ItemNotFound", "Chart");
      return ent;
    }
    setPosition(startCell, endCell) {
      checkContext(this, startCell);
      checkContext(this, endCell);
      this._q((batch) => {
        const { chart, sheet } = this._target(batch, "Chart.setPosition");
        const a = rangeArg(startCell, sheet, batch, "Chart.setPosition");
        const b = endCell === undefined || endCell === null ? null : rangeArg(endCell, sheet, batch, "Chart.setPosition");
        chart.position = { startCell: E.rangeRef(a.r0, a.c0, a.r0, a.c0), endCell: b ? E.rangeRef(b.r1, b.c1, b.r1, b.c1) : null };
        chart.calls.push({ method: "setPosition", args: [chart.position.startCell, chart.position.endCell] });
      });
    }
    setData(sourceData, seriesBy) {
      checkContext(this, sourceData);
      this._q((batch) => {
        const { chart, sheet } = this._target(batch, "Chart.setData");
        const src = rangeArg(sourceData, sheet, batch, "Chart.setData");
        chart.source = E.formatAddress(src.sheet.name, src.r0, src.c0, src.r1, src.c1);
        if (seriesBy) chart.seriesBy = seriesBy;
        chart.calls.push({ method: "setData", args: [chart.source, seriesBy || null] });
      });
    }
    delete() {
      this._q((batch) => {
        const { chart, sheet } = this._target(batch, "Chart.delete");
        sheet.charts.splice(sheet.charts.indexOf(chart), 1);
      });
    }
    activate() {
      this._q((batch) => this._target(batch, "Chart.activate").chart.calls.push({ method: "activate", args: [] }));
    }
    getImage() {
      return clientResult(this, (batch) => {
        this._target(batch, "Chart.getImage");
        return "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
      });
    }
  }
  const chartProp = (name) => ({ get: (x) => x.chart[name], set: (x, v) => (x.chart[name] = v) });
  define(
    ChartProxy,
    "Chart",
    {
      name: chartProp("name"),
      id: { get: (x) => x.chart.id },
      chartType: {
        get: (x) => x.chart.chartType,
        set: (x, v) => {
          if (CHART_TYPES.length && !CHART_TYPES.includes(v)) throw fail("InvalidArgument", "Chart.chartType");
          x.chart.chartType = v;
        },
      },
      top: chartProp("top"),
      left: chartProp("left"),
      width: chartProp("width"),
      height: chartProp("height"),
      showAllFieldButtons: { get: () => false, set: () => {} },
      style: chartProp("style"),
    },
    {
      title: (self) => {
        // title.text and title.visible are also kept on chart.title for easy checks
        return recorder(
          self._ctx,
          (batch) => {
            const { chart } = self._target(batch, "Chart.title");
            const onSet = (p, v) => {
              if (p === "title.text") chart.title.text = v;
              if (p === "title.visible") chart.title.visible = v;
            };
            return { props: chart.props, calls: chart.calls, onSet };
          },
          "title",
        );
      },
      axes: (self) => chartRecorder(self, "axes"),
      legend: (self) => chartRecorder(self, "legend"),
      dataLabels: (self) => chartRecorder(self, "dataLabels"),
      series: (self) => chartRecorder(self, "series"),
      format: (self) => chartRecorder(self, "format"),
      plotArea: (self) => chartRecorder(self, "plotArea"),
      worksheet: (self) => new WorksheetProxy(self._ctx, (batch) => self._target(batch, "Chart.worksheet").sheet),
    },
  );
  collectionOf(ChartCollectionProxy, ChartProxy, (sheet) => chartsOf(sheet));

  // ---------------------------------------------------------------------------
  // Workbook and application.

  class WorkbookProxy extends ClientObject {
    constructor(ctx) {
      super(ctx, () => host.wb, { noCache: true });
    }
    getSelectedRange() {
      return child(RangeProxy, this, () => {
        const sheet = host.wb.activeSheet();
        const a = E.parseAddress(sheet.selected) || E.parseAddress("A1");
        return rng(sheet, a.r0, a.c0, a.r1, a.c1);
      });
    }
    getActiveCell() {
      return child(RangeProxy, this, () => {
        const sheet = host.wb.activeSheet();
        const a = E.parseAddress(sheet.selected) || E.parseAddress("A1");
        return rng(sheet, a.r0, a.c0, a.r0, a.c0);
      });
    }
    getActiveWorksheet() {
      return this.worksheets.getActiveWorksheet();
    }
  }
  define(
    WorkbookProxy,
    "Workbook",
    {
      name: { get: (wb) => wb.name },
      readOnly: { get: () => false },
      isDirty: { get: () => true, set: () => {} },
      calculationEngineVersion: { get: () => 1 },
      autoSave: { get: () => true },
    },
    {
      worksheets: (self) => new WorksheetCollectionProxy(self._ctx, () => host.wb, { noCache: true }),
      tables: (self) => new TableCollectionProxy(self._ctx, () => ({ scope: "workbook" }), { noCache: true }),
      application: (self) => new ApplicationProxy(self._ctx, () => host.wb, { noCache: true }),
      onSelectionChanged: (self) => new EventHandlers(self._ctx, () => "workbook:onSelectionChanged"),
      onActivated: (self) => new EventHandlers(self._ctx, () => "workbook:onActivated"),
    },
  );

  class ApplicationProxy extends ClientObject {
    calculate(calculationType) {
      const type = calculationType || "Recalculate";
      this._q(() => host.wb.log.calculateCalls.push({ type, at: Date.now() }));
    }
    suspendApiCalculationUntilNextSync() {
      this._q(() => {});
    }
    suspendScreenUpdatingUntilNextSync() {
      this._q(() => {});
    }
  }
  define(
    ApplicationProxy,
    "Application",
    {
      calculationMode: {
        get: (wb) => wb.calculationMode,
        set: (wb, v) => {
          if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v)) throw fail("InvalidArgument", "Application.calculationMode");
          wb.calculationMode = v;
        },
      },
      calculationState: { get: () => "Done" },
      decimalSeparator: { get: (wb) => wb.culture.dec },
      thousandsSeparator: { get: (wb) => wb.culture.grp },
      useSystemSeparators: { get: () => true },
    },
    {
      cultureInfo: (self) => new CultureInfoProxy(self._ctx, () => host.wb, { noCache: true }),
    },
  );

  class CultureInfoProxy extends ClientObject {}
  define(
    CultureInfoProxy,
    "CultureInfo",
    { name: { get: (wb) => wb.culture.name } },
    {
      numberFormat: (self) => new NumberFormatInfoProxy(self._ctx, () => host.wb, { noCache: true }),
      datetimeFormat: (self) => new DatetimeFormatInfoProxy(self._ctx, () => host.wb, { noCache: true }),
    },
  );
  class NumberFormatInfoProxy extends ClientObject {}
  define(NumberFormatInfoProxy, "NumberFormatInfo", {
    numberDecimalSeparator: { get: (wb) => wb.culture.dec },
    numberGroupSeparator: { get: (wb) => wb.culture.grp },
    currencySymbol: { get: (wb) => (wb.culture.name.startsWith("fr") ? "€" : "$") },
  });
  class DatetimeFormatInfoProxy extends ClientObject {}
  const netPattern = (nf) => nf.replace(/m/g, "M");
  define(DatetimeFormatInfoProxy, "DatetimeFormatInfo", {
    dateSeparator: { get: (wb) => wb.culture.dateSep },
    shortDatePattern: { get: (wb) => netPattern(wb.culture.shortDate) },
    longDatePattern: { get: (wb) => netPattern(wb.culture.longDate) },
    timeSeparator: { get: (wb) => wb.culture.timeSep },
    longTimePattern: { get: (wb) => (wb.culture.name.startsWith("fr") ? "HH:mm:ss" : "h:mm:ss tt") },
    shortDateTimePattern: { get: (wb) => netPattern(wb.culture.shortDate) + (wb.culture.name.startsWith("fr") ? " HH:mm" : " h:mm tt") },
  });

  // ---------------------------------------------------------------------------
  // Excel.run

  function run(...args) {
    const batchFn = args[args.length - 1];
    const first = args.length > 1 ? args[0] : null;
    let ctx = null;
    if (first instanceof RequestContext) ctx = first;
    else if (first instanceof ClientObject) ctx = first._ctx;
    else if (Array.isArray(first) && first[0] instanceof ClientObject) ctx = first[0]._ctx;
    const own = !ctx;
    if (own) ctx = new RequestContext();
    if (typeof batchFn !== "function") return Promise.reject(fail("InvalidArgument", "Excel.run"));
    return Promise.resolve()
      .then(() => {
        const result = batchFn(ctx);
        if (result === null || result === undefined || typeof result.then !== "function") throw fail("RunMustReturnPromise", "Excel.run");
        return result;
      })
      .then((result) => ctx._sync(result))
      .finally(() => {
        if (own) ctx._finished = true;
      });
  }

  // ---------------------------------------------------------------------------
  // Office

  class AsyncResult {
    constructor(status, value, error, asyncContext) {
      this.status = status;
      this.value = value;
      this.error = error;
      this.asyncContext = asyncContext;
      this.diagnostics = undefined;
    }
  }

  function splitAsyncArgs(options, callback) {
    if (typeof options === "function") return { options: {}, callback: options };
    return { options: options || {}, callback };
  }

  class Settings {
    constructor() {
      this._values = JSON.parse(JSON.stringify(host.wb.settings));
      this._handlers = new Set();
    }
    get(name) {
      return Object.prototype.hasOwnProperty.call(this._values, name) ? this._values[name] : null;
    }
    set(name, value) {
      if (typeof name !== "string") throw new Error("Settings.set: name must be a string");
      this._values[name] = value;
    }
    remove(name) {
      delete this._values[name];
    }
    saveAsync(options, callback) {
      const a = splitAsyncArgs(options, callback);
      setTimeout(() => {
        let result;
        if (host.failSettingsSave > 0) {
          host.failSettingsSave--;
          result = new AsyncResult("failed", undefined, { code: 5001, name: "Internal Error", message: "An internal error has occurred." }, a.options.asyncContext);
        } else {
          host.wb.settings = JSON.parse(JSON.stringify(this._values));
          host.settingsSaves++;
          result = new AsyncResult("succeeded", undefined, undefined, a.options.asyncContext);
        }
        if (a.callback) a.callback(result);
      }, host.latencyMs || 0);
    }
    refreshAsync(callback) {
      setTimeout(() => {
        this._values = JSON.parse(JSON.stringify(host.wb.settings));
        if (callback) callback(new AsyncResult("succeeded", this, undefined, undefined));
      }, 0);
    }
    addHandlerAsync(eventType, handler, options, callback) {
      const a = splitAsyncArgs(options, callback);
      this._handlers.add(handler);
      if (a.callback) setTimeout(() => a.callback(new AsyncResult("succeeded")), 0);
    }
    removeHandlerAsync(eventType, options, callback) {
      const a = splitAsyncArgs(options, callback);
      if (a.options.handler) this._handlers.delete(a.options.handler);
      else this._handlers.clear();
      if (a.callback) setTimeout(() => a.callback(new AsyncResult("succeeded")), 0);
    }
  }

  const readyInfo = { host: "Excel", platform: "OfficeOnline", addin: { visibilityMode: "Taskpane" } };
  let readyPromise = null;

  /**
   * Like Office.js, the double finishes loading asynchronously, after the
   * page's deferred scripts: until then Office.context and the Excel
   * namespace do not exist (config.strictStartup === false defines them at once).
   */
  function officeReady() {
    if (!readyPromise) {
      readyPromise = new Promise((resolve) => {
        const go = () =>
          setTimeout(() => {
            host.ready = true;
            W.Excel = Excel;
            if (typeof Office.initialize === "function") {
              try {
                Office.initialize("documentOpened");
              } catch (e) {
                console.error("[officeDouble] Office.initialize threw", e);
              }
            }
            resolve(JSON.parse(JSON.stringify(readyInfo)));
          }, 0);
        if (typeof document !== "undefined" && document.readyState === "loading") document.addEventListener("DOMContentLoaded", go, { once: true });
        else go();
      });
    }
    return readyPromise;
  }

  function versionAtLeast(have, want) {
    const a = String(have).split(".").map(Number);
    const b = String(want || "1.1").split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
    }
    return true;
  }

  function selectedMatrix() {
    const sheet = host.wb.activeSheet();
    const a = E.parseAddress(sheet.selected) || E.parseAddress("A1");
    const e = usedIntersection(rng(sheet, a.r0, a.c0, a.r1, a.c1), true) || rng(sheet, a.r0, a.c0, a.r0, a.c0);
    return matrix(e, cellValue(e));
  }

  const documentObject = {
    get settings() {
      if (!host.settingsObject) host.settingsObject = new Settings();
      return host.settingsObject;
    },
    get url() {
      return "https://contoso.sharepoint.com/Documents/" + host.wb.name;
    },
    mode: "readWrite",
    addHandlerAsync(eventType, handler, options, callback) {
      const a = splitAsyncArgs(options, callback);
      let set = host.docHandlers.get(eventType);
      if (!set) host.docHandlers.set(eventType, (set = new Set()));
      set.add(handler);
      if (a.callback) setTimeout(() => a.callback(new AsyncResult("succeeded")), 0);
    },
    removeHandlerAsync(eventType, options, callback) {
      const a = splitAsyncArgs(options, callback);
      const set = host.docHandlers.get(eventType);
      if (set) {
        if (a.options.handler) set.delete(a.options.handler);
        else set.clear();
      }
      if (a.callback) setTimeout(() => a.callback(new AsyncResult("succeeded")), 0);
    },
    getSelectedDataAsync(coercionType, options, callback) {
      const a = splitAsyncArgs(options, callback);
      setTimeout(() => {
        const values = selectedMatrix();
        const value = coercionType === "text" ? values.map((row) => row.join("\t")).join("\n") : values;
        if (a.callback) a.callback(new AsyncResult("succeeded", value, undefined, a.options.asyncContext));
      }, 0);
    },
    getFilePropertiesAsync(options, callback) {
      const a = splitAsyncArgs(options, callback);
      setTimeout(() => a.callback && a.callback(new AsyncResult("succeeded", { url: documentObject.url })), 0);
    },
  };

  const contextObject = {
    get displayLanguage() {
      return host.displayLanguage;
    },
    get contentLanguage() {
      return host.displayLanguage;
    },
    get officeTheme() {
      return Object.assign({}, host.theme);
    },
    document: documentObject,
    host: "Excel",
    platform: "OfficeOnline",
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.18000.10000" },
    requirements: {
      isSetSupported(name, minVersion) {
        const have = host.requirementSets[name];
        return have !== undefined && versionAtLeast(have, minVersion);
      },
    },
    ui: {
      displayDialogAsync(startAddress, options, callback) {
        const a = splitAsyncArgs(options, callback);
        const handlers = {};
        const dialog = {
          url: startAddress,
          options: a.options,
          closed: false,
          addEventHandler(eventType, handler) {
            handlers[eventType] = handler;
          },
          close() {
            dialog.closed = true;
          },
          messageChild(message) {
            (dialog.sent || (dialog.sent = [])).push(message);
          },
          _handlers: handlers,
        };
        host.dialogs.push(dialog);
        setTimeout(() => a.callback && a.callback(new AsyncResult("succeeded", dialog, undefined, a.options.asyncContext)), 0);
      },
      messageParent() {},
      openBrowserWindow(url) {
        host.addinCalls.push({ method: "openBrowserWindow", url, at: Date.now() });
      },
      closeContainer() {},
    },
    license: { value: "" },
    touchEnabled: false,
    commerceAllowed: true,
  };

  function addinCall(method, visible) {
    host.addinCalls.push({ method, at: Date.now() });
    if (visible !== undefined && host.taskpaneVisible !== visible) {
      host.taskpaneVisible = visible;
      for (const h of host.visibilityHandlers) {
        try {
          h({ visibilityMode: visible ? "Taskpane" : "Hidden" });
        } catch (e) {
          console.error("[officeDouble] visibility handler failed", e);
        }
      }
    }
    return Promise.resolve();
  }

  const Office = {
    onReady(callback) {
      const p = officeReady();
      if (typeof callback === "function") p.then((info) => callback(info));
      return p;
    },
    initialize: undefined,
    get context() {
      return host.ready ? contextObject : undefined;
    },
    addin: {
      showAsTaskpane: () => addinCall("showAsTaskpane", true),
      hide: () => addinCall("hide", false),
      onVisibilityModeChanged(handler) {
        host.visibilityHandlers.add(handler);
        return Promise.resolve(() => {
          host.visibilityHandlers.delete(handler);
          return Promise.resolve();
        });
      },
      setStartupBehavior: (behavior) => {
        host.startupBehavior = behavior;
        return addinCall("setStartupBehavior:" + behavior);
      },
      getStartupBehavior: () => Promise.resolve(host.startupBehavior || "None"),
      beforeDocumentCloseNotification: { enable: () => Promise.resolve(), disable: () => Promise.resolve(), onCloseActionCancelled: () => Promise.resolve(() => Promise.resolve()) },
    },
    actions: {
      associate(name, handler) {
        host.actions.set(name, handler);
      },
    },
    ribbon: {
      requestUpdate(input) {
        host.addinCalls.push({ method: "ribbon.requestUpdate", input: JSON.parse(JSON.stringify(input || null)), at: Date.now() });
        return Promise.resolve();
      },
      requestCreateControls(input) {
        host.addinCalls.push({ method: "ribbon.requestCreateControls", input: JSON.parse(JSON.stringify(input || null)), at: Date.now() });
        return Promise.resolve();
      },
    },
    auth: {
      getAccessToken() {
        return Promise.reject({ code: 13012, name: "API Not Supported", message: "The Office host double has no SSO (getAccessToken)." });
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    EventType: {
      ActiveViewChanged: "activeViewChanged",
      BindingDataChanged: "bindingDataChanged",
      BindingSelectionChanged: "bindingSelectionChanged",
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived",
      DialogParentMessageReceived: "dialogParentMessageReceived",
      DocumentSelectionChanged: "documentSelectionChanged",
      OfficeThemeChanged: "officeThemeChanged",
      SettingsChanged: "settingsChanged",
    },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table", Html: "html", Ooxml: "ooxml", Image: "image", XmlSvg: "xmlSvg" },
    InitializationReason: { Inserted: "inserted", DocumentOpened: "documentOpened" },
    StartupBehavior: { none: "None", load: "Load" },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    ThemeId: { Black: "Black", Colorful: "Colorful", DarkGray: "DarkGray", White: "White" },
    AsyncResult,
  };

  // ---------------------------------------------------------------------------
  // CustomFunctions (the shared runtime registers the RECOUVRE.* formulas).

  class CustomFunctionError extends Error {
    constructor(code, message, errorSubType) {
      super(message || code || "#VALUE!");
      this.code = code || "#VALUE!";
      this.message = message || "";
      this.errorSubType = errorSubType;
    }
  }

  const CustomFunctions = {
    associate(idOrMap, fn) {
      if (typeof idOrMap === "object" && idOrMap) {
        for (const [id, f] of Object.entries(idOrMap)) host.customFunctions.set(String(id).toUpperCase(), f);
      } else host.customFunctions.set(String(idOrMap).toUpperCase(), fn);
    },
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
      busy: "#BUSY!",
      connect: "#CONNECT!",
      gettingData: "#GETTING_DATA",
    },
  };

  function lookupCustomFunction(name) {
    const upper = String(name).toUpperCase();
    const candidates = [upper, upper.slice(upper.indexOf(".") + 1)];
    for (const id of candidates) {
      const fn = host.customFunctions.get(id);
      if (!fn) continue;
      const meta = host.customFunctionsMetadata && host.customFunctionsMetadata.functions ? host.customFunctionsMetadata.functions.find((f) => f.id.toUpperCase() === id) : null;
      return {
        fn,
        parameters: meta ? meta.parameters : null,
        toValue: (v) => {
          if (v instanceof CustomFunctionError) return new E.XLError(v.code);
          if (v === null || v === undefined) return 0;
          return v;
        },
        toError: (e) => (e instanceof CustomFunctionError ? new E.XLError(e.code) : new E.XLError("#VALUE!")),
      };
    }
    return null;
  }

  function loadCustomFunctionsMetadata() {
    if (typeof fetch !== "function" || typeof location === "undefined" || !/^https?:/.test(location.protocol)) return;
    fetch(new URL("functions.json", location.href).href)
      .then((r) => (r.ok ? r.json() : null))
      .then((json) => {
        if (json && !host.customFunctionsMetadata) host.customFunctionsMetadata = json;
      })
      .catch(() => {});
  }

  // ---------------------------------------------------------------------------
  // OfficeRuntime

  const OfficeRuntime = {
    storage: {
      getItem: (k) => Promise.resolve(Object.prototype.hasOwnProperty.call(host.runtimeStorage, k) ? host.runtimeStorage[k] : null),
      setItem: (k, v) => {
        host.runtimeStorage[k] = String(v);
        return Promise.resolve();
      },
      removeItem: (k) => {
        delete host.runtimeStorage[k];
        return Promise.resolve();
      },
      getItems: (keys) => Promise.resolve(Object.fromEntries(keys.map((k) => [k, host.runtimeStorage[k] === undefined ? null : host.runtimeStorage[k]]))),
      setItems: (obj) => {
        Object.entries(obj).forEach(([k, v]) => (host.runtimeStorage[k] = String(v)));
        return Promise.resolve();
      },
      removeItems: (keys) => {
        keys.forEach((k) => delete host.runtimeStorage[k]);
        return Promise.resolve();
      },
      getKeys: () => Promise.resolve(Object.keys(host.runtimeStorage)),
    },
    auth: { getAccessToken: () => Office.auth.getAccessToken() },
    displayWebDialog: () => Promise.reject(new Error("displayWebDialog is not implemented by the Office host double")),
  };

  // ---------------------------------------------------------------------------
  // Globals.

  const OfficeExtension = {
    Error: E.RichApiError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidObjectPath: "InvalidObjectPath",
      invalidRequestContext: "InvalidRequestContext",
      valueNotLoaded: "ValueNotLoaded",
      propertyNotLoaded: "PropertyNotLoaded",
      runMustReturnPromise: "RunMustReturnPromise",
      cannotRegisterEvent: "CannotRegisterEvent",
      cannotUpdateReadOnlyProperty: "CannotUpdateReadOnlyProperty",
      invalidOrTimedOutSession: "InvalidOrTimedOutSession",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    ClientObject,
    ClientResult,
    ClientRequestContext: RequestContext,
    EventHandlers,
    EventHandlerResult,
    TrackedObjects: function TrackedObjects() {},
    Promise,
    config: { extendedErrorLogging: false },
  };

  const Excel = Object.assign({}, ENUMS, {
    run,
    RequestContext,
    Range: RangeProxy,
    RangeFormat: RangeFormatProxy,
    RangeFont: RangeFontProxy,
    RangeFill: RangeFillProxy,
    Worksheet: WorksheetProxy,
    WorksheetCollection: WorksheetCollectionProxy,
    WorksheetFreezePanes: FreezePanesProxy,
    Workbook: WorkbookProxy,
    Application: ApplicationProxy,
    Table: TableProxy,
    TableCollection: TableCollectionProxy,
    TableRow: TableRowProxy,
    TableRowCollection: TableRowCollectionProxy,
    TableColumn: TableColumnProxy,
    TableColumnCollection: TableColumnCollectionProxy,
    Chart: ChartProxy,
    ChartCollection: ChartCollectionProxy,
    ConditionalFormat: ConditionalFormatProxy,
    ConditionalFormatCollection: ConditionalFormatCollectionProxy,
    createWorkbook: () => Promise.reject(fail("NotImplemented", "Excel.createWorkbook")),
  });

  // ---------------------------------------------------------------------------
  // Test API.

  function sheetOrThrow(name) {
    const sheet = host.wb.sheetByName(name);
    if (!sheet) throw new Error("[officeDouble] no sheet named " + JSON.stringify(name) + " (sheets: " + host.wb.sheets.map((s) => s.name).join(", ") + ")");
    return sheet;
  }

  function addressOrThrow(address) {
    const a = E.parseAddress(address);
    if (!a) throw new Error("[officeDouble] bad address " + JSON.stringify(address));
    return a;
  }

  const api = {
    version: 1,
    engine: E,
    /** True once Office.js would have finished loading (Office.context and Excel exist). */
    get ready() {
      return !!host.ready;
    },
    loadWorkbook(state) {
      installWorkbook(state);
    },
    getWorkbookState() {
      return exportAll();
    },
    persist,
    readRange(sheetName, address) {
      const sheet = sheetOrThrow(sheetName);
      const a = addressOrThrow(address);
      const whole = { sheet, r0: a.r0, c0: a.c0, r1: a.r1, c1: a.c1 };
      const e = cellCount(whole) > 1000000 ? usedIntersection(whole, false) || rng(sheet, a.r0, a.c0, a.r0, a.c0) : whole;
      return {
        address: E.formatAddress(sheet.name, e.r0, e.c0, e.r1, e.c1),
        values: matrix(e, cellValue(e)),
        text: matrix(e, (r, c) => E.displayOf(host.wb, sheet, r, c)),
        formulas: matrix(e, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell ? (cell.f !== undefined ? cell.f : E.apiValue(cell.v)) : "";
        }),
        numberFormat: matrix(e, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell && cell.nf !== undefined ? cell.nf : "General";
        }),
        valueTypes: matrix(e, (r, c) => E.valueType(E.valueOf(host.wb, sheet, r, c))),
      };
    },
    sheetValues(sheetName) {
      const sheet = sheetOrThrow(sheetName);
      const b = sheet.usedBounds(true);
      if (!b) return [];
      const e = { sheet, r0: 0, c0: 0, r1: b.r1, c1: b.c1 };
      return matrix(e, cellValue(e));
    },
    sheetNames() {
      return host.wb.sheets.map((s) => s.name);
    },
    tableInfo(name) {
      const t = host.wb.tableByKey(name);
      if (!t) return null;
      const b = t.bounds();
      const body = t.bodyBounds();
      const e = { sheet: t.sheet, r0: body.r0, c0: body.c0, r1: body.r1, c1: body.c1 };
      return {
        name: t.name,
        id: t.id,
        sheet: t.sheet.name,
        address: E.formatAddress(t.sheet.name, b.r0, b.c0, b.r1, b.c1),
        headers: t.headerNames(),
        rowCount: t.normalize().dataRows,
        rows: t.dataRows ? matrix(e, cellValue(e)) : [],
      };
    },
    editCells(sheetName, address, values) {
      const sheet = sheetOrThrow(sheetName);
      const a = addressOrThrow(address);
      const e = { sheet, r0: a.r0, c0: a.c0, r1: a.r1, c1: a.c1 };
      writeMatrix(e, values, "formulas", "editCells");
      fire("sheet:" + sheet.id + ":onChanged", { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", address: E.rangeRef(a.r0, a.c0, a.r1, a.c1), worksheetId: sheet.id });
      fire("worksheets:onChanged", { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", address: E.rangeRef(a.r0, a.c0, a.r1, a.c1), worksheetId: sheet.id });
    },
    setSelection(sheetName, address) {
      const sheet = sheetOrThrow(sheetName);
      const a = addressOrThrow(address);
      if (sheet.visibility !== "Visible") throw new Error("[officeDouble] cannot select on a hidden sheet");
      sheet.selected = E.rangeRef(a.r0, a.c0, a.r1, a.c1);
      host.wb.activeSheetId = sheet.id;
      return selectionChanged(sheet).then(() => undefined);
    },
    getSelection() {
      const sheet = host.wb.activeSheet();
      return { sheet: sheet.name, address: sheet.selected };
    },
    get syncCount() {
      return host.syncCount;
    },
    set syncCount(n) {
      host.syncCount = n;
    },
    get syncCalls() {
      return host.syncCalls;
    },
    resetSyncCount() {
      host.syncCount = 0;
      host.syncCalls = 0;
    },
    get calculateCalls() {
      return host.wb.log.calculateCalls.slice();
    },
    get formulaCoercions() {
      return host.wb.log.formulaCoercions.slice();
    },
    get writes() {
      return host.wb.log.writes.slice();
    },
    clearLogs() {
      host.wb.log.calculateCalls.length = 0;
      host.wb.log.formulaCoercions.length = 0;
      host.wb.log.writes.length = 0;
      host.actionLog.length = 0;
      host.addinCalls.length = 0;
    },
    get actions() {
      return [...host.actions.keys()];
    },
    async invokeAction(name, options) {
      const opts = options || {};
      const handler = host.actions.get(name);
      if (!handler) throw new Error("[officeDouble] no handler associated with action " + JSON.stringify(name) + " (associated: " + [...host.actions.keys()].join(", ") + ")");
      let completedCount = 0;
      const completedOptions = [];
      const event = {
        source: { id: name },
        completed(o) {
          completedCount++;
          completedOptions.push(o === undefined ? null : o);
        },
      };
      let error = null;
      try {
        const returned = handler(event);
        if (returned && typeof returned.then === "function") await returned;
      } catch (e) {
        error = String((e && e.stack) || e);
      }
      const deadline = Date.now() + (opts.timeoutMs === undefined ? 5000 : opts.timeoutMs);
      while (completedCount === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, opts.settleMs === undefined ? 50 : opts.settleMs));
      const record = { name, completedCount, completedOptions, error };
      host.actionLog.push(record);
      return record;
    },
    get actionLog() {
      return host.actionLog.slice();
    },
    get addinCalls() {
      return host.addinCalls.slice();
    },
    get taskpaneVisible() {
      return host.taskpaneVisible;
    },
    setDisplayLanguage(language) {
      host.displayLanguage = language;
    },
    setTheme(theme) {
      host.theme = Object.assign({}, typeof theme === "string" ? THEMES[theme] : theme);
      for (const h of host.docHandlers.get("officeThemeChanged") || []) {
        try {
          h({ type: "officeThemeChanged", officeTheme: Object.assign({}, host.theme) });
        } catch (e) {
          console.error(e);
        }
      }
    },
    setCulture(name) {
      host.wb.cultureName = name;
    },
    setNow(isoOrNull) {
      host.wb.now = isoOrNull || null;
    },
    setLatency(ms) {
      host.latencyMs = ms || 0;
    },
    failNextSync(code, message, options) {
      host.failNext.push(Object.assign({ code: code || "GeneralException", message }, options || {}));
    },
    failNextSettingsSave(count) {
      host.failSettingsSave = count === undefined ? 1 : count;
    },
    setPayloadLimit(bytes) {
      host.payloadLimit = bytes || null;
    },
    setRequirementSet(name, version) {
      if (version === null) delete host.requirementSets[name];
      else host.requirementSets[name] = version;
    },
    get settingsSaves() {
      return host.settingsSaves;
    },
    settingsSnapshot() {
      return { saved: JSON.parse(JSON.stringify(host.wb.settings)), inMemory: host.settingsObject ? JSON.parse(JSON.stringify(host.settingsObject._values)) : null };
    },
    get customFunctionIds() {
      return [...host.customFunctions.keys()];
    },
    callCustomFunction(id, ...args) {
      const fn = host.customFunctions.get(String(id).toUpperCase());
      if (!fn) throw new Error("[officeDouble] no custom function " + id);
      return fn(...args);
    },
    setCustomFunctionsMetadata(json) {
      host.customFunctionsMetadata = json;
    },
    get dialogs() {
      return host.dialogs.map((d) => ({ url: d.url, options: d.options, closed: d.closed, sent: d.sent || [] }));
    },
    messageFromDialog(index, message) {
      const d = host.dialogs[index];
      const h = d && d._handlers.dialogMessageReceived;
      if (h) h({ type: "dialogMessageReceived", message, origin: location.origin });
    },
    get runtimeStorage() {
      return Object.assign({}, host.runtimeStorage);
    },
  };

  // ---------------------------------------------------------------------------

  installWorkbook(readInitialState());
  W.Office = Office;
  if (cfg.strictStartup === false) {
    host.ready = true;
    W.Excel = Excel;
  }
  W.OfficeExtension = OfficeExtension;
  W.CustomFunctions = CustomFunctions;
  W.OfficeRuntime = OfficeRuntime;
  W.__officeDouble = api;
  if (typeof W.addEventListener === "function") W.addEventListener("pagehide", persist);
  loadCustomFunctionsMetadata();
  officeReady();
})();
