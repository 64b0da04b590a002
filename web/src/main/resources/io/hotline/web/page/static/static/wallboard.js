/*
 * The wallboard (docs/api.md, "Wallboard"): GET /api/wallboard, then the "wallboard" messages of /ws?topic=wallboard,
 * redrawn as they come; a reconnect with backoff, a poll while no WebSocket is open, and a red "not live" flag while
 * the push channel is down. A wall screen opens /wallboard#token=...: the fragment never reaches the server; the
 * token goes as Authorization: Bearer, and on the WebSocket as the subprotocol "bearer.<token>" next to
 * "hotline.wallboard" (a browser cannot set headers there). Without a token the supervisor's session cookie is used.
 * Language: ?lang=zh|en, else the remembered or the browser's. Server text reaches the page only through
 * textContent.
 */
(function () {
  "use strict";
  var dom = window.Hotline.dom;
  var i18n = window.Hotline.i18n;
  var mapKit = window.Hotline.map;
  var t = i18n.t;
  var $ = dom.byId;

  var MAP = {width: 640, height: 400, margin: 40};
  var POLL_MILLIS = 10000;
  var PING_MILLIS = 30000;
  var MAX_BACKOFF_MILLIS = 30000;
  var SEAT_STATES = ["READY", "RESERVED", "ON_CALL", "WRAP_UP", "NOT_READY"];
  var FINISHED = ["CLOSED", "CANCELLED"];

  var state = {token: tokenFromFragment(), snapshot: null, offsetMillis: 0, socket: null, live: false,
    backoff: 1000, timers: {}};

  function tokenFromFragment() {
    var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash || "");
    return match ? decodeURIComponent(match[1]) : null;
  }

  function nowMillis() {
    return Date.now() + state.offsetMillis;
  }

  function percent(ratio) {
    return Math.round(ratio * 1000) / 10 + " %";
  }

  function level(ratio) {
    return ratio >= 0.8 ? "good" : ratio >= 0.6 ? "warn" : "bad";
  }

  // ---- reading -------------------------------------------------------------------------------------------

  function load() {
    var headers = {"Accept": "application/json"};
    if (state.token) {
      headers.Authorization = "Bearer " + state.token;
    }
    return fetch("/api/wallboard", {credentials: "same-origin", cache: "no-store", headers: headers})
      .then(function (response) {
        if (response.status === 401) {
          showMessage(t("wb.signIn"));
          return null;
        }
        if (response.status === 403) {
          showMessage(t("wb.forbidden"));
          return null;
        }
        if (response.status === 503) {
          showMessage(t("app.starting"));
          return null;
        }
        return response.ok ? response.json() : null;
      }).then(function (snapshot) {
        if (snapshot) {
          received(snapshot);
        }
      }, function () {
        setLive(false);
      });
  }

  function received(snapshot) {
    state.snapshot = snapshot;
    state.offsetMillis = Date.parse(snapshot.at) - Date.now();
    dom.show("wb-message", false);
    dom.show("wb-board", true);
    render();
  }

  function showMessage(text) {
    dom.setText("wb-message", text);
    dom.show("wb-message", true);
    dom.show("wb-board", false);
  }

  // ---- the push channel ----------------------------------------------------------------------------------

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + window.location.host + "/ws?topic=wallboard";
    var socket;
    try {
      socket = state.token ? new WebSocket(url, ["hotline.wallboard", "bearer." + state.token])
        : new WebSocket(url);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.socket = socket;
    socket.onopen = function () {
      state.backoff = 1000;
      setLive(true);
      state.timers.ping = window.setInterval(function () {
        if (socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify({type: "ping"}));
        }
      }, PING_MILLIS);
      load();
    };
    socket.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message && message.type === "wallboard" && message.data) {
        received(message.data);
      }
    };
    socket.onclose = function () {
      window.clearInterval(state.timers.ping);
      state.socket = null;
      setLive(false);
      if (!state.snapshot) {
        // never opened (refused, or Hotline unreachable): GET says why, or shows the floor without pushes
        load();
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    var delay = Math.min(MAX_BACKOFF_MILLIS, state.backoff) * (0.75 + Math.random() / 2);
    state.backoff = Math.min(MAX_BACKOFF_MILLIS, state.backoff * 2);
    window.clearTimeout(state.timers.reconnect);
    state.timers.reconnect = window.setTimeout(connect, delay);
  }

  function setLive(live) {
    state.live = live;
    var node = $("wb-status");
    node.setAttribute("data-live", live ? "true" : "false");
    node.textContent = live ? t("wb.live") : t("wb.stale");
  }

  // ---- drawing -------------------------------------------------------------------------------------------

  function render() {
    var snapshot = state.snapshot;
    if (!snapshot) {
      return;
    }
    renderQueues(snapshot);
    renderSeats(snapshot);
    renderSolved(snapshot);
    renderClocks(snapshot);
    renderMap(snapshot);
    renderDispatches(snapshot);
    dom.setText("wb-updated", t("wb.updated", {time: dom.time(new Date(Date.parse(snapshot.at)))}));
  }

  function cell(row, text, className) {
    var td = dom.element("td", className, text);
    row.appendChild(td);
    return td;
  }

  function renderQueues(snapshot) {
    var body = $("wb-queues").querySelector("tbody");
    dom.clear(body);
    snapshot.queues.forEach(function (queue) {
      var row = dom.element("tr");
      row.setAttribute("data-queue", queue.name);
      cell(row, queue.name);
      cell(row, queue.waiting, queue.waiting > 0 ? "warn" : "").setAttribute("data-field", "waiting");
      cell(row, dom.duration(queue.longestWaitSeconds),
        queue.longestWaitSeconds > queue.thresholdSeconds ? "bad" : "").setAttribute("data-field", "longest");
      cell(row, percent(queue.serviceLevelNow), level(queue.serviceLevelNow)).setAttribute("data-field", "slNow");
      var today = queue.today;
      cell(row, today ? percent(today.serviceLevel) : "—", today ? level(today.serviceLevel) : "")
        .setAttribute("data-field", "slToday");
      cell(row, today ? today.answered : "—").setAttribute("data-field", "answered");
      cell(row, today ? today.abandoned : "—", today && today.abandoned > 0 ? "warn" : "")
        .setAttribute("data-field", "abandoned");
      body.appendChild(row);
    });
  }

  function renderSeats(snapshot) {
    var body = $("wb-seats").querySelector("tbody");
    dom.clear(body);
    snapshot.seats.forEach(function (tier) {
      var row = dom.element("tr");
      row.setAttribute("data-tier", tier.tier);
      cell(row, i18n.label("tier", tier.tier));
      SEAT_STATES.forEach(function (name) {
        cell(row, tier.states[name] || 0).setAttribute("data-state", name);
      });
      cell(row, tier.unreachable, tier.unreachable > 0 ? "bad" : "").setAttribute("data-state", "UNREACHABLE");
      body.appendChild(row);
    });
  }

  function renderSolved(snapshot) {
    var share = snapshot.solvedWithoutVisit;
    dom.setText("wb-solved", share && share.of > 0 ? percent(share.ratio) : "—");
    dom.setText("wb-solved-of", share ? t("wb.solvedOf", {count: share.count, of: share.of}) : t("wb.notYet"));
  }

  function countdown(iso) {
    var remaining = Math.round((Date.parse(iso) - nowMillis()) / 1000);
    return remaining >= 0 ? {text: t("wb.left", {time: dom.duration(remaining)}), late: false}
      : {text: t("wb.overdue", {time: dom.duration(remaining)}), late: true};
  }

  function renderClocks(snapshot) {
    var list = $("wb-clocks");
    dom.clear(list);
    if (snapshot.clocks.length === 0) {
      list.appendChild(dom.element("li", "wb-none", t("wb.noClocks")));
    }
    snapshot.clocks.forEach(function (clock) {
      var item = dom.element("li");
      item.setAttribute("data-order", clock.workOrderId);
      item.appendChild(dom.element("span", "", "#" + clock.workOrderId + " " + clock.severity + " · "
        + t("wb.clock." + clock.kind) + (clock.owner ? " · " + clock.owner : "")));
      var left = countdown(clock.dueAt);
      var count = dom.element("span", "wb-countdown " + (left.late ? "bad" : "warn"), left.text);
      count.setAttribute("data-due", clock.dueAt);
      item.appendChild(count);
      list.appendChild(item);
    });
    dom.setText("wb-clocks-more", snapshot.clocksMore > 0 ? t("wb.clocksMore", {count: snapshot.clocksMore}) : "");
  }

  function renderMap(snapshot) {
    var map = $("wb-map");
    var branches = {};
    var points = [];
    snapshot.branches.forEach(function (branch) {
      branches[branch.code] = {lat: branch.lat, lon: branch.lon};
      points.push(branches[branch.code]);
    });
    var located = snapshot.dispatches.filter(function (dispatch) {
      return dispatch.site;
    });
    located.forEach(function (dispatch) {
      points.push(dispatch.site);
    });
    var project = mapKit.projection(mapKit.middle(points), points, MAP);
    mapKit.ground(map, MAP);
    located.forEach(function (dispatch) {
      var site = project(dispatch.site);
      dispatch.legs.forEach(function (leg) {
        if (branches[leg.branch]) {
          var from = project(branches[leg.branch]);
          map.appendChild(mapKit.svg("line", {x1: from.x, y1: from.y, x2: site.x, y2: site.y,
            "class": "map-leg" + (leg.acknowledgedAt ? " acknowledged" : leg.expiredAt ? " expired" : "")}));
        }
      });
    });
    snapshot.branches.forEach(function (branch) {
      map.appendChild(mapKit.branch(branch.code, project(branches[branch.code])));
    });
    located.forEach(function (dispatch) {
      var at = project(dispatch.site);
      var late = dispatch.deadlineAt && Date.parse(dispatch.deadlineAt) < nowMillis();
      var group = mapKit.svg("g", {"class": "map-marker" + (FINISHED.indexOf(dispatch.state) >= 0 ? " done" : "")
        + (late ? " late" : ""), "data-order": dispatch.workOrderId, "data-state": dispatch.state});
      group.appendChild(mapKit.svg("title", {}, "#" + dispatch.workOrderId + " · "
        + i18n.label("dstate", dispatch.state)));
      group.appendChild(mapKit.svg("circle", {cx: at.x, cy: at.y, r: 9}));
      var left = at.x > MAP.width - 70;
      group.appendChild(mapKit.svg("text", {x: left ? at.x - 12 : at.x + 12, y: at.y - 9,
        "text-anchor": left ? "end" : "start"}, "#" + dispatch.workOrderId));
      map.appendChild(group);
    });
  }

  function renderDispatches(snapshot) {
    var list = $("wb-dispatches");
    dom.clear(list);
    if (snapshot.dispatches.length === 0) {
      list.appendChild(dom.element("li", "wb-none", t("wb.noDispatches")));
    }
    snapshot.dispatches.forEach(function (dispatch) {
      var item = dom.element("li");
      item.setAttribute("data-order", dispatch.workOrderId);
      item.appendChild(dom.element("span", "", "#" + dispatch.workOrderId + " " + (dispatch.branch || "—") + " · "
        + i18n.label("dstate", dispatch.state)));
      if (dispatch.deadlineAt) {
        var left = countdown(dispatch.deadlineAt);
        var prefix = t("wb.deadline." + dispatch.deadline);
        var count = dom.element("span", "wb-countdown " + (left.late ? "bad" : ""), prefix + " " + left.text);
        count.setAttribute("data-due", dispatch.deadlineAt);
        count.setAttribute("data-prefix", prefix);
        item.appendChild(count);
      }
      list.appendChild(item);
    });
  }

  function tickCountdowns() {
    document.querySelectorAll("#wb-board [data-due]").forEach(function (node) {
      var left = countdown(node.getAttribute("data-due"));
      var prefix = node.getAttribute("data-prefix");
      node.textContent = (prefix ? prefix + " " : "") + left.text;
      node.classList.toggle("bad", left.late);
    });
  }

  // ---- start ---------------------------------------------------------------------------------------------

  function boot() {
    var asked = /[?&]lang=(en|zh)\b/.exec(window.location.search);
    if (asked) {
      i18n.setLanguage(asked[1]);
    }
    var select = $("wb-lang");
    select.value = i18n.language();
    select.addEventListener("change", function () {
      i18n.setLanguage(select.value);
    });
    i18n.onChange(function () {
      setLive(state.live);
      render();
    });
    i18n.apply(document);
    setLive(false);
    // the first GET waits for the push channel: a change between the two is then never missed
    connect();
    state.timers.poll = window.setInterval(function () {
      if (!state.live) {
        load();
      }
    }, POLL_MILLIS);
    // the countdowns move between pushes, in place
    state.timers.tick = window.setInterval(tickCountdowns, 1000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
}());
