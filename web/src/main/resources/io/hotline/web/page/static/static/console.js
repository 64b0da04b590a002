/*
 * The branch duty manager's console (and headquarters' view of the branches for supervisors and admins): the
 * branch's dispatch orders with their live clocks (acknowledge, assign, follow up), a map of the open orders drawn
 * as inline SVG around the branch (map.js: no tiles, nothing from elsewhere), and the selected order with its actions,
 * trail and text messages. Reads GET /api/console and GET /api/dispatch/{id}, follows the dispatch,
 * follow_up_due and hq_alert push messages; writes through the POSTs of docs/api.md. Server text reaches the page
 * only through textContent.
 */
(function () {
  "use strict";
  var dom = window.Hotline.dom;
  var api = window.Hotline.api;
  var i18n = window.Hotline.i18n;
  var t = i18n.t;
  var $ = dom.byId;
  var mapKit = window.Hotline.map;

  var MAP = {width: 480, height: 360, margin: 40};
  var FINISHED = ["CLOSED", "CANCELLED"];
  var CLOCKS = ["acknowledge", "assign", "followUp"];
  var MAX_NOTES = 6;

  var state = {user: null, started: false, branchCode: null, console: null, orders: [], selected: null,
    detail: null, offsetMillis: 0, loading: 0};

  function supervises() {
    return !!state.user && (state.user.role === "supervisor" || state.user.role === "admin");
  }

  function isOpen(order) {
    return FINISHED.indexOf(order.state) < 0;
  }

  function nowMillis() {
    return Date.now() + state.offsetMillis;
  }

  // ---- loading -------------------------------------------------------------------------------------------

  function reload() {
    if (!state.started) {
      return Promise.resolve();
    }
    var path = "/api/console" + (state.branchCode ? "?branch=" + encodeURIComponent(state.branchCode) : "");
    var ticket = ++state.loading;
    return api.get(path).then(function (result) {
      if (ticket !== state.loading) {
        return; // a newer load (another branch) answers instead
      }
      if (!result.ok || !result.data) {
        if (result.status !== 401) {
          dom.message("con-message", api.describe(result), "error");
        }
        return;
      }
      var body = result.data;
      state.console = body;
      var serverNow = Date.parse(body.now);
      state.offsetMillis = isNaN(serverNow) ? 0 : serverNow - Date.now();
      state.orders = body.orders || [];
      renderHead();
      renderOrders();
      if (state.selected !== null) {
        var still = find(state.selected);
        if (still) {
          loadDetail(state.selected);
        } else {
          closeDetail();
        }
      }
    });
  }

  function find(id) {
    for (var index = 0; index < state.orders.length; index += 1) {
      if (state.orders[index].id === id) {
        return state.orders[index];
      }
    }
    return null;
  }

  function upsert(order) {
    for (var index = 0; index < state.orders.length; index += 1) {
      if (state.orders[index].id === order.id) {
        state.orders[index] = order;
        return;
      }
    }
    state.orders.push(order);
    state.orders.sort(function (a, b) {
      return a.id - b.id;
    });
  }

  function remove(id) {
    state.orders = state.orders.filter(function (order) {
      return order.id !== id;
    });
  }

  // ---- head ----------------------------------------------------------------------------------------------

  function branchLabel(branch) {
    return branch ? branch.name + " (" + branch.code + ")" : "";
  }

  function renderHead() {
    var body = state.console;
    dom.setText("con-branch-name", body.branch ? branchLabel(body.branch) : t("con.headquarters"));
    var picker = $("con-branch-select");
    dom.show("con-branch-picker", supervises());
    if (supervises()) {
      dom.clear(picker);
      var all = dom.element("option", null, t("con.allBranches"));
      all.value = "";
      picker.appendChild(all);
      (body.branches || []).forEach(function (branch) {
        var option = dom.element("option", null, branchLabel(branch));
        option.value = branch.code;
        picker.appendChild(option);
      });
      picker.value = state.branchCode || "";
    }
    var place = $("con-place-branch");
    dom.clear(place);
    (body.branches || []).forEach(function (branch) {
      var option = dom.element("option", null, branchLabel(branch));
      option.value = branch.code;
      place.appendChild(option);
    });
  }

  // ---- orders list ---------------------------------------------------------------------------------------

  function engineerLabel(engineer) {
    if (!engineer) {
      return "—";
    }
    return engineer.name ? engineer.name + " (" + engineer.code + ")" : engineer.code;
  }

  function cell(row, content, className) {
    var td = dom.element("td", className);
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content === null || content === undefined ? "" : String(content);
    }
    row.appendChild(td);
    return td;
  }

  function stateBadge(order) {
    var badge = dom.element("span", "state-badge dispatch-" + order.state, i18n.label("dstate", order.state));
    badge.setAttribute("data-state", order.state);
    return badge;
  }

  function renderOrders() {
    var body = $("con-orders").querySelector("tbody");
    dom.clear(body);
    dom.show("con-no-orders", state.orders.length === 0);
    state.orders.forEach(function (order) {
      var row = dom.element("tr", order.id === state.selected ? "selected" : null);
      row.setAttribute("data-order", String(order.id));
      row.setAttribute("tabindex", "0");
      cell(row, "#" + order.id);
      cell(row, stateBadge(order));
      cell(row, order.site ? order.site.address : "");
      cell(row, engineerLabel(order.engineer));
      CLOCKS.forEach(function (name) {
        var td = cell(row, "", "clock");
        td.setAttribute("data-clock", name);
        td.appendChild(dom.element("span", "clock-value"));
        td.appendChild(dom.element("span", "clock-due muted"));
      });
      row.addEventListener("click", function () {
        select(order.id);
      });
      row.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          select(order.id);
        }
      });
      body.appendChild(row);
    });
    tickClocks();
    renderMap();
  }

  /** A deadline as a person reads it: time left, red once late; "—" when it is not running. */
  function renderClock(node, clock) {
    var value = node.querySelector(".clock-value");
    var due = node.querySelector(".clock-due");
    var level = "none";
    if (!clock) {
      value.textContent = "—";
      due.textContent = "";
    } else {
      var remaining = (Date.parse(clock.dueAt) - nowMillis()) / 1000;
      if (isNaN(remaining)) {
        remaining = clock.remainingSeconds || 0;
      }
      level = remaining <= 0 ? "red" : "ok";
      value.textContent = remaining <= 0 ? t("clock.overdue", {time: dom.duration(remaining)})
        : t("clock.left", {time: dom.duration(remaining)});
      due.textContent = t("clock.dueAt", {at: dom.dateTime(clock.dueAt)});
    }
    ["none", "ok", "red"].forEach(function (each) {
      node.classList.toggle("clock-" + each, each === level);
    });
    node.setAttribute("data-level", level);
  }

  function tickClocks() {
    $("con-orders").querySelectorAll("tr[data-order]").forEach(function (row) {
      var order = find(Number(row.getAttribute("data-order")));
      if (!order) {
        return;
      }
      row.querySelectorAll("td[data-clock]").forEach(function (td) {
        renderClock(td, order.clocks ? order.clocks[td.getAttribute("data-clock")] : null);
      });
    });
  }

  // ---- map -----------------------------------------------------------------------------------------------

  var svg = mapKit.svg;

  function mapCentre(branches, sites) {
    if (state.console && state.console.branch && state.console.branch.location) {
      return state.console.branch.location;
    }
    return mapKit.middle(branches.concat(sites));
  }

  function renderMap() {
    var map = $("con-map");
    var body = state.console || {};
    var branches = body.branch ? [body.branch] : (body.branches || []);
    var branchPoints = branches.filter(function (branch) {
      return branch.location;
    }).map(function (branch) {
      return branch.location;
    });
    var plotted = state.orders.filter(function (order) {
      return isOpen(order) && order.site && order.site.location;
    });
    var sitePoints = plotted.map(function (order) {
      return order.site.location;
    });
    dom.setText("con-map-hint", body.branch ? t("con.mapHint") : t("con.mapHintAll"));
    var centre = mapCentre(branchPoints, sitePoints);
    var project = mapKit.projection(centre, branchPoints.concat(sitePoints), MAP);
    mapKit.ground(map, MAP);
    branches.forEach(function (branch) {
      if (branch.location) {
        map.appendChild(mapKit.branch(branch.code, project(branch.location)));
      }
    });
    plotted.forEach(function (order) {
      var at = project(order.site.location);
      var group = svg("g", {"class": "map-marker dispatch-" + order.state + (order.id === state.selected
        ? " selected" : ""), "data-order": order.id, "data-state": order.state, "data-x": at.x, "data-y": at.y,
        tabindex: 0, role: "button"});
      group.appendChild(svg("title", {}, "#" + order.id + " · " + i18n.label("dstate", order.state) + " · "
        + order.site.address));
      group.appendChild(svg("circle", {cx: at.x, cy: at.y, r: 8}));
      // labels go left of markers near the right edge, so that none is cut off
      var left = at.x > MAP.width - 70;
      group.appendChild(svg("text", {x: left ? at.x - 11 : at.x + 11, y: at.y - 8,
        "text-anchor": left ? "end" : "start"}, "#" + order.id));
      group.addEventListener("click", function () {
        select(order.id);
      });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          select(order.id);
        }
      });
      map.appendChild(group);
    });
  }

  // ---- the selected order --------------------------------------------------------------------------------

  function select(id) {
    state.selected = id;
    dom.message("con-action-message", "", null);
    renderOrders();
    var order = find(id);
    if (order) {
      renderDetail(order, null);
    }
    loadDetail(id);
  }

  function closeDetail() {
    state.selected = null;
    state.detail = null;
    dom.show("con-detail", false);
  }

  function loadDetail(id) {
    return api.get("/api/dispatch/" + encodeURIComponent(id)).then(function (result) {
      if (state.selected !== id) {
        return;
      }
      if (result.ok && result.data) {
        renderDetail(result.data, result.data);
      } else if (result.status === 403 || result.status === 404) {
        closeDetail();
      }
    });
  }

  function when(iso) {
    return iso ? dom.dateTime(iso) : "—";
  }

  /** Shows the order; {@code detail} has its trail and SMS (null keeps the ones shown). */
  function renderDetail(order, detail) {
    if (detail) {
      state.detail = detail;
    }
    dom.show("con-detail", true);
    dom.setText("con-id", order.id);
    var badge = $("con-state");
    badge.textContent = i18n.label("dstate", order.state);
    badge.className = "state-badge dispatch-" + order.state;
    badge.setAttribute("data-state", order.state);
    dom.setText("con-site", order.site ? order.site.address + (order.site.region ? " · " + order.site.region : "")
      : "");
    dom.setText("con-contact", order.contactNumber || "—");
    dom.setText("con-held-by", order.branch ? t("con.heldByBranch", {branch: (order.branchName || order.branch),
      km: order.distanceKm}) : t("con.unplaced"));
    dom.setText("con-engineer", engineerLabel(order.engineer));
    dom.setText("con-appointment-at", when(order.appointmentAt));
    dom.setText("con-arrived", when(order.arrivedAt));
    dom.setText("con-completed", order.completedAt ? when(order.completedAt) + (order.completionNote ? " · "
      + order.completionNote : "") : "—");
    renderFollowUpInfo(order);
    dom.setText("con-score", order.score ? t("con.scoreValue", {total: order.score.total,
      satisfaction: order.score.satisfaction === null ? "—" : order.score.satisfaction,
      punctuality: order.score.punctuality, deadlines: order.score.deadlines}) : "—");
    var ranking = $("con-ranking");
    dom.clear(ranking);
    (order.ranking || []).forEach(function (choice) {
      ranking.appendChild(dom.element("li", null, t("con.rankingEntry", {branch: choice.name || choice.branch,
        code: choice.branch, km: choice.distanceKm, load: choice.openLoad})));
    });
    renderActions(order);
    renderHistory();
  }

  function renderFollowUpInfo(order) {
    var followUp = order.followUp;
    if (!followUp) {
      dom.setText("con-follow-up-info", "—");
    } else if (followUp.recordedAt) {
      dom.setText("con-follow-up-info", t("con.followUpDone", {satisfaction: followUp.satisfaction === null ? "—"
        : followUp.satisfaction, comment: followUp.comment || "", by: followUp.recordedBy || ""}));
    } else {
      dom.setText("con-follow-up-info", t("con.followUpDueAt", {at: when(followUp.dueAt),
        attempts: followUp.attempts}));
    }
  }

  function renderActions(order) {
    var s = order.state;
    dom.show("con-ack-section", s === "SENT");
    dom.show("con-assign-form", ["ACKNOWLEDGED", "ASSIGNED", "SCHEDULED"].indexOf(s) >= 0);
    dom.show("con-appointment-form", ["ASSIGNED", "SCHEDULED"].indexOf(s) >= 0);
    dom.show("con-follow-up-form", s === "COMPLETED");
    dom.show("con-place-form", supervises() && ["UNPLACED", "SENT", "ACKNOWLEDGED"].indexOf(s) >= 0);
    $("con-assign").textContent = order.engineer ? t("con.reassign") : t("con.assign");
    var picker = $("con-engineer-select");
    var chosen = picker.value;
    dom.clear(picker);
    ((state.console && state.console.engineers) || []).forEach(function (engineer) {
      if (!engineer.active || engineer.branch !== order.branch) {
        return;
      }
      var option = dom.element("option", null, engineer.name + " (" + engineer.code + ")");
      option.value = engineer.code;
      picker.appendChild(option);
    });
    if (chosen) {
      picker.value = chosen;
    }
  }

  function renderHistory() {
    var trail = $("con-trail");
    var sms = $("con-sms");
    dom.clear(trail);
    dom.clear(sms);
    var detail = state.detail && state.detail.id === state.selected ? state.detail : null;
    if (!detail) {
      return;
    }
    (detail.trail || []).forEach(function (step) {
      var item = dom.element("li");
      item.appendChild(dom.element("span", "muted", dom.dateTime(step.at) + " "));
      item.appendChild(dom.element("span", "badge", i18n.label("step", step.step)));
      item.appendChild(dom.element("span", null, " " + t("con.by", {actor: step.actor})
        + (step.detail ? " · " + step.detail : "")));
      trail.appendChild(item);
    });
    (detail.sms || []).forEach(function (message) {
      var item = dom.element("li");
      item.appendChild(dom.element("span", "muted", dom.dateTime(message.at) + " "));
      item.appendChild(dom.element("span", "badge", t(message.direction === "IN" ? "con.smsFrom" : "con.smsTo",
        {phone: message.phone})));
      item.appendChild(dom.element("span", null, " " + message.text + " "));
      item.appendChild(dom.element("span", "muted", "(" + i18n.label("sms", message.status)
        + (message.detail ? ": " + message.detail : "") + ")"));
      sms.appendChild(item);
    });
  }

  // ---- actions -------------------------------------------------------------------------------------------

  function act(suffix, body, done) {
    var id = state.selected;
    if (id === null) {
      return Promise.resolve();
    }
    dom.message("con-action-message", t("con.working"), null);
    return api.post("/api/dispatch/" + encodeURIComponent(id) + suffix, body).then(function (result) {
      if (result.ok && result.data) {
        applyDispatch(result.data);
        dom.message("con-action-message", done, "ok");
      } else if (result.status !== 401) {
        dom.message("con-action-message", api.describe(result), "error");
      }
    });
  }

  function wire() {
    $("con-branch-select").addEventListener("change", function () {
      state.branchCode = $("con-branch-select").value || null;
      closeDetail();
      reload();
    });
    $("con-acknowledge").addEventListener("click", function () {
      act("/acknowledge", {}, t("con.acknowledged"));
    });
    $("con-assign-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var order = find(state.selected);
      var engineer = $("con-engineer-select").value;
      var reason = $("con-assign-reason").value.trim();
      if (!engineer) {
        dom.message("con-action-message", t("con.noEngineer"), "error");
        return;
      }
      if (order && order.engineer && !reason) {
        dom.message("con-action-message", t("con.reasonMissing"), "error");
        return;
      }
      var body = {engineer: engineer};
      if (reason) {
        body.reason = reason;
      }
      act("/assign", body, t("con.assigned", {engineer: engineer})).then(function () {
        $("con-assign-reason").value = "";
      });
    });
    $("con-appointment-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var value = $("con-appointment").value;
      var at = value ? new Date(value) : null;
      if (!at || isNaN(at.getTime())) {
        dom.message("con-action-message", t("con.appointmentMissing"), "error");
        return;
      }
      act("/appointment", {at: at.toISOString()}, t("con.booked", {at: dom.dateTime(at.toISOString())}));
    });
    $("con-follow-up-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {satisfaction: Number($("con-satisfaction").value)};
      var comment = $("con-comment").value.trim();
      if (comment) {
        body.comment = comment;
      }
      act("/follow-up", body, t("con.followUpRecorded"));
    });
    $("con-unreachable").addEventListener("click", function () {
      act("/follow-up", {unreachable: true}, t("con.unreachableRecorded"));
    });
    $("con-call").addEventListener("click", function () {
      act("/follow-up/call", {}, t("con.calling"));
    });
    $("con-place-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var reason = $("con-place-reason").value.trim();
      if (!reason) {
        dom.message("con-action-message", t("con.reasonMissing"), "error");
        return;
      }
      act("/place", {branch: $("con-place-branch").value, reason: reason},
        t("con.placed", {branch: $("con-place-branch").value}));
    });
  }

  // ---- pushes --------------------------------------------------------------------------------------------

  /** Whether this console lists the order: its branch's (any state), or headquarters' open ones. */
  function belongsHere(order) {
    return state.branchCode || (state.console && state.console.branch)
      ? order.branch === (state.branchCode || state.console.branch.code) : isOpen(order);
  }

  function applyDispatch(order) {
    var held = find(order.id);
    if (state.selected === order.id && held && held.state !== order.state) {
      // Somebody else (an engineer's text, a deadline) moved the order on: the last action's message is stale.
      dom.message("con-action-message", "", null);
    }
    if (belongsHere(order)) {
      upsert(order);
    } else {
      remove(order.id);
    }
    renderOrders();
    if (state.selected === order.id) {
      if (find(order.id)) {
        renderDetail(order, null);
        loadDetail(order.id); // the trail and the text messages have a new step
      } else {
        closeDetail();
      }
    }
  }

  function notify(kind, text) {
    var area = $("con-notifications");
    var note = dom.element("div", "note note-" + kind);
    note.setAttribute("data-test", "con-notification");
    note.setAttribute("data-kind", kind);
    note.appendChild(dom.element("span", "note-time", dom.time(new Date())));
    note.appendChild(dom.element("span", "note-text", text));
    var dismiss = dom.element("button", "link", t("common.dismiss"));
    dismiss.type = "button";
    dismiss.addEventListener("click", function () {
      area.removeChild(note);
    });
    note.appendChild(dismiss);
    area.insertBefore(note, area.firstChild);
    while (area.childNodes.length > MAX_NOTES) {
      area.removeChild(area.lastChild);
    }
  }

  function onMessage(message) {
    if (!state.started || !state.console) {
      return;
    }
    var data = message.data || {};
    if (message.type === "dispatch") {
      applyDispatch(data);
    } else if (message.type === "follow_up_due") {
      notify("warning", t("con.noteFollowUpDue", {id: data.workOrderId, attempt: data.attempt,
        number: data.contactNumber || "—"}));
    } else if (message.type === "hq_alert") {
      notify("danger", t("con.noteAlert", {id: data.workOrderId, kind: i18n.label("alert", data.kind),
        text: data.text}));
    }
  }

  var wired = false;

  window.Hotline = window.Hotline || {};
  window.Hotline.console = {
    start: function (user) {
      state.user = user;
      state.started = true;
      state.branchCode = null;
      state.console = null;
      state.orders = [];
      closeDetail();
      if (!wired) {
        wired = true;
        wire();
        i18n.onChange(function () {
          if (state.console) {
            renderHead();
            renderOrders();
            var order = state.selected === null ? null : find(state.selected);
            if (order) {
              renderDetail(order, null);
            }
          }
        });
      }
      return reload();
    },
    stop: function () {
      state.started = false;
    },
    reload: reload,
    onMessage: onMessage,
    tick: tickClocks
  };
}());
