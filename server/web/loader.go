package web

// loaderJS replaces go-app's goappInitWebAssembly (and its
// fetchWithProgress) in app.js. go-app's version covers the page with a
// full-screen "0 %" loader, and hands instantiateStreaming a Response it
// builds from a stream (to count progress): such a Response has no URL, so
// the browser cannot keep the compiled code, and every start compiles the
// 8.9 MB module again. The page the server sent already works (its forms
// post to the server), so this one:
//   - shows at most a thin progress line at the top while the app loads;
//   - streams the real, cacheable response of /web/app.wasm into
//     instantiateStreaming, so the browser keeps the compiled code (V8's
//     code cache) and a warm start does not compile;
//   - takes over without losing anything: right before the app starts it
//     notes what was typed into the server's page and where the focus was,
//     and writes it into the app's fields (with input/change events, so the
//     app's state has it) as soon as they exist, with the caret where it was.
//
// It also announces an update go-app can miss: go-app listens for the
// registration's "updatefound" only once its register() promise has
// resolved, and when the browser's own check on navigation finds the new
// worker first, the event is gone and the page keeps running the old
// version without a word (TestNewVersionIsAnnounced lost that race under
// load). A page that was controlled when it loaded and whose controller
// changes asks the new worker its version, and announces the update when
// it is not the page's own. A controller change alone is no update: the
// worker of a first visit can take over a page that already counted as
// controlled (TestDeleteAndFailToLogIn saw that banner), and the caches
// tell nothing while the new worker is still activating.
const loaderJS = `if ("serviceWorker" in navigator && navigator.serviceWorker.controller) {
  navigator.serviceWorker.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg && msg.type === "goapp:version" && msg.version !== goappGetenv("GOAPP_VERSION")) {
      goappOnUpdate();
    }
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const sw = navigator.serviceWorker.controller;
    if (sw) {
      sw.postMessage({ type: "goapp:version" });
    }
  });
}

async function goappInitWebAssembly() {
  if (!goappCanLoadWebAssembly() || !("WebAssembly" in window)) {
    return;
  }
  const line = document.createElement("div");
  line.className = "app-progress";
  line.setAttribute("aria-hidden", "true");
  document.body.appendChild(line);
  try {
    const go = new Go();
    const res = fetch("/web/app.wasm", { credentials: "same-origin" });
    let wasm;
    if (WebAssembly.instantiateStreaming) {
      wasm = await WebAssembly.instantiateStreaming(res, go.importObject);
    } else {
      wasm = await WebAssembly.instantiate(await (await res).arrayBuffer(), go.importObject);
    }
    const typed = miniidTyped();
    line.remove();
    go.run(wasm.instance);
    // The app has drawn its page over the server's (tests and the
    // benchmark wait for this mark).
    document.documentElement.setAttribute("data-app", "running");
    miniidRestore(typed);
  } catch (err) {
    // The page keeps working without the app: its forms post to the server.
    line.remove();
    console.error("loading wasm failed: ", err);
  }
}

function miniidTyped() {
  const values = [];
  document.querySelectorAll("main input, main select, main textarea").forEach((el) => {
    if (!el.id || el.type === "hidden" || el.type === "submit") {
      return;
    }
    if (el.type === "checkbox" || el.type === "radio") {
      values.push({ id: el.id, checked: el.checked });
    } else if (el.value !== "") {
      values.push({ id: el.id, value: el.value });
    }
  });
  const a = document.activeElement;
  let focus = null;
  if (a && a.id && a !== document.body) {
    focus = { id: a.id, start: null, end: null };
    try {
      focus.start = a.selectionStart;
      focus.end = a.selectionEnd;
    } catch (e) { }
  }
  return { values: values, focus: focus };
}

function miniidRestore(typed) {
  let pending = typed.values;
  let focus = typed.focus;
  let frames = 0;
  const step = () => {
    pending = pending.filter((v) => {
      const el = document.getElementById(v.id);
      if (!el) {
        return true;
      }
      if ("checked" in v) {
        if (el.checked !== v.checked) {
          el.checked = v.checked;
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }
      } else if (el.value !== v.value) {
        el.value = v.value;
        el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
      }
      return false;
    });
    if (focus) {
      const el = document.getElementById(focus.id);
      if (el) {
        if (document.activeElement !== el) {
          el.focus({ preventScroll: true });
        }
        try {
          if (focus.start !== null) {
            el.setSelectionRange(focus.start, focus.end);
          }
        } catch (e) { }
        focus = null;
      }
    }
    if ((pending.length > 0 || focus) && frames++ < 120) {
      requestAnimationFrame(step);
    }
  };
  step();
}

`
