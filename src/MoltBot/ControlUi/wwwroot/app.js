// MoltBot Control UI + WebChat. No framework, no build step, no inline script (the CSP forbids it).
// It only ever connects to the gateway that served it: no gateway URL is taken from the page address.
"use strict";

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "moltbot.token";
const PENDING_KEY = "moltbot.pending";

const state = {
  socket: null,
  nextId: 1,
  waiting: new Map(),     // request id -> {resolve, reject}
  runs: new Map(),        // run id -> message element
  activeRun: null,
  retryMs: 500,
  connected: false,
};

// ---- token -------------------------------------------------------------------------------------

function takeTokenFromFragment() {
  // `#token=...` lets the owner open a link printed by the CLI; the fragment never reaches the server, and we drop it at once.
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + "#/chat");
  }
}

const readToken = () => sessionStorage.getItem(TOKEN_KEY) || localStorage.getItem(TOKEN_KEY);

function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
}

// ---- connection --------------------------------------------------------------------------------

function connect() {
  const token = readToken();
  if (!token) {
    show("login");
    return;
  }
  const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/`);
  state.socket = socket;
  socket.onmessage = (e) => onFrame(JSON.parse(e.data), token);
  socket.onclose = (e) => onClosed(e);
}

function onFrame(frame, token) {
  if (frame.type === "event") {
    if (frame.event === "connect.challenge") {
      request("connect", { minProtocol: 3, maxProtocol: 3, client: { id: "moltbot-control-ui", version: "1", mode: "webchat" }, auth: { token } })
        .then(onHello, (err) => {
          if (err.code === "UNAUTHORIZED") {
            forgetToken();
            $("login-error").textContent = "That token was not accepted. Check it and try again.";
            show("login");
          }
        });
    } else if (frame.event === "chat") {
      onChatEvent(frame.payload);
    }
    return;
  }
  if (frame.type === "res" && state.waiting.has(frame.id)) {
    const { resolve, reject } = state.waiting.get(frame.id);
    state.waiting.delete(frame.id);
    frame.ok ? resolve(frame.payload) : reject(frame.error);
  }
}

function onHello() {
  state.connected = true;
  state.retryMs = 500;
  route();
  // "connected" once the history is in place: a message typed before it arrived was wiped from view by it
  loadHistory().then(resendPending).finally(() => setConnection(state.connected));
}

function onClosed(event) {
  state.connected = false;
  setConnection(false);
  for (const { reject } of state.waiting.values()) reject({ code: "CLOSED", message: "connection closed" });
  state.waiting.clear();
  if (!readToken()) return;
  if (event.code === 1008 && /token/.test(event.reason)) return; // refused: the login form is showing
  setTimeout(connect, state.retryMs);
  state.retryMs = Math.min(state.retryMs * 2, 15000);
}

function request(method, params) {
  return new Promise((resolve, reject) => {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
      reject({ code: "CLOSED", message: "not connected" });
      return;
    }
    const id = String(state.nextId++);
    state.waiting.set(id, { resolve, reject });
    state.socket.send(JSON.stringify({ type: "req", id, method, params }));
  });
}

function setConnection(online) {
  const el = $("conn");
  el.textContent = online ? "connected" : "reconnecting…";
  el.classList.toggle("online", online);
}

// ---- chat --------------------------------------------------------------------------------------

async function loadHistory() {
  const list = $("messages");
  const shown = [...list.children]; // from before a reconnect; anything sent while the history loads stays
  const { messages } = await request("chat.history", { limit: 200 });
  shown.forEach((el) => el.remove());
  list.prepend(...messages.map((m) => bubble(m.role, m.text)));
  list.scrollTop = list.scrollHeight;
}

// A message typed while offline (or sent just before a drop) is kept with its idempotency key and re-sent on
// reconnect; the gateway runs a key once, so nothing is lost and nothing runs twice.
function resendPending() {
  const pending = JSON.parse(localStorage.getItem(PENDING_KEY) || "null");
  if (pending) sendMessage(pending.text, pending.key, true);
}

async function sendMessage(text, key = crypto.randomUUID(), isResend = false) {
  localStorage.setItem(PENDING_KEY, JSON.stringify({ text, key }));
  const mine = isResend ? null : append(bubble("user", text, "pending"));
  try {
    const { runId } = await request("chat.send", { message: text, idempotencyKey: key });
    mine?.classList.remove("pending");
    localStorage.removeItem(PENDING_KEY);
    state.activeRun = runId;
    state.runs.set(runId, append(bubble("assistant", "…", "pending")));
    setBusy(true);
  } catch (err) {
    if (err.code !== "CLOSED") {
      localStorage.removeItem(PENDING_KEY);
      append(bubble("assistant", `Not sent: ${err.message}`, "error"));
    }
  }
}

function onChatEvent(p) {
  const el = state.runs.get(p.runId);
  if (!el) return;
  if (p.state === "delta") {
    if (el.classList.contains("pending")) { el.classList.remove("pending"); el.dataset.text = ""; }
    el.dataset.text += p.deltaText;
    render(el, el.dataset.text);
  } else {
    el.classList.remove("pending");
    if (p.state === "final") render(el, p.message.text);
    else if (p.state === "aborted") render(el, (el.dataset.text || "") + "\n[stopped]");
    else { el.classList.add("error"); render(el, p.errorMessage || "The turn failed."); }
    state.runs.delete(p.runId);
    if (state.activeRun === p.runId) { state.activeRun = null; setBusy(false); }
  }
  const list = $("messages");
  list.scrollTop = list.scrollHeight;
}

function setBusy(busy) {
  $("stop").hidden = !busy;
}

function bubble(role, text, extra) {
  const el = document.createElement("div");
  el.className = `msg ${role}` + (extra ? ` ${extra}` : "");
  render(el, text);
  return el;
}

function append(el) {
  $("messages").append(el);
  return el;
}

// Minimal, safe markdown: fenced code blocks and inline code; everything else is text nodes, never parsed as HTML.
function render(el, text) {
  el.replaceChildren();
  const parts = text.split(/```[^\n]*\n?/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const pre = document.createElement("pre");
      const code = document.createElement("code");
      code.textContent = part.replace(/\n$/, "");
      pre.append(code);
      el.append(pre);
      return;
    }
    part.split(/(`[^`\n]+`)/).forEach((piece) => {
      if (/^`[^`]+`$/.test(piece)) {
        const code = document.createElement("code");
        code.textContent = piece.slice(1, -1);
        el.append(code);
      } else if (piece) {
        el.append(document.createTextNode(piece));
      }
    });
  });
}

// ---- status ------------------------------------------------------------------------------------

async function loadStatus() {
  const s = await request("status", {});
  $("started").textContent = new Date(s.startedAt).toLocaleString();
  $("agents").replaceChildren(...s.agents.map((a) => row([a.id, a.name, a.model || "(none)"])));
  $("channels").replaceChildren(...(s.channels.length ? s.channels : [{ channel: "(none configured)" }]).map((c) =>
    row([c.channel, c.stopped ? "stopped" : c.connected ? "connected" : (c.channel.startsWith("(") ? "" : "disconnected"), c.identity ?? "", c.lastEventAt ? new Date(c.lastEventAt).toLocaleString() : "", c.lastError ?? "", c.reconnects ?? ""])));
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const text of cells) {
    const td = document.createElement("td");
    td.textContent = String(text);
    tr.append(td);
  }
  return tr;
}

// ---- views -------------------------------------------------------------------------------------

function show(view) {
  for (const id of ["login", "chat", "status"]) $(id).hidden = id !== view;
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
}

function route() {
  if (!readToken()) return show("login");
  const view = location.hash === "#/status" ? "status" : "chat";
  show(view);
  if (view === "status" && state.connected) loadStatus().catch(() => {});
  if (view === "chat") $("input").focus();
}

document.addEventListener("DOMContentLoaded", () => {
  takeTokenFromFragment();
  window.addEventListener("hashchange", route);
  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const token = $("token").value.trim();
    ($("remember").checked ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
    $("token").value = "";
    $("login-error").textContent = "";
    location.hash = "#/chat";
    connect();
  });
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("input").value.trim();
    if (!text) return;
    $("input").value = "";
    sendMessage(text);
  });
  $("input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
  });
  $("stop").addEventListener("click", () => state.activeRun && request("chat.abort", { runId: state.activeRun }).catch(() => {}));
  $("logout").addEventListener("click", () => { forgetToken(); state.socket?.close(); show("login"); });
  setInterval(() => { if (location.hash === "#/status" && state.connected) loadStatus().catch(() => {}); }, 10000);
  route();
  connect();
});
