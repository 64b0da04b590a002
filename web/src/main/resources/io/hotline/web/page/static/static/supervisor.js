/*
 * The supervisor's board: every seat (state, reason, current call and its duration, phone) with change state,
 * listen, whisper and barge; every open work order with its clocks and reassign. Reads
 * GET /api/supervisor/seats and /api/supervisor/work-orders, updated by the seat and work_order push messages.
 * The service-quality report's form opens GET /api/reports/service-quality (HTML in a new tab, a CSV table as a
 * download) with the session cookie; the server checks the period again and answers 400 with its reason.
 */
(function () {
  "use strict";
  var dom = window.Hotline.dom;
  var api = window.Hotline.api;
  var i18n = window.Hotline.i18n;
  var t = i18n.t;
  var $ = dom.byId;

  var state = {seats: [], workOrders: [], warned: {}};

  function button(text, testId, onClick) {
    var node = dom.element("button", "small", text);
    node.type = "button";
    node.setAttribute("data-test", testId);
    node.addEventListener("click", onClick);
    return node;
  }

  function input(placeholderKey, testId) {
    var node = dom.element("input", "small");
    node.setAttribute("placeholder", t(placeholderKey));
    node.setAttribute("aria-label", t(placeholderKey));
    node.setAttribute("data-test", testId);
    return node;
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

  function act(path, body, what) {
    return api.post(path, body).then(function (result) {
      if (result.ok) {
        dom.message("sup-message", what, "ok");
        reload();
      } else if (result.status !== 401) {
        dom.message("sup-message", api.describe(result), "error");
      }
      return result;
    });
  }

  function stateControls(seat) {
    var box = dom.element("span", "inline-form");
    var select = dom.element("select", "small");
    select.setAttribute("data-test", "state-select");
    ["READY", "NOT_READY", "LOGGED_OUT"].forEach(function (value) {
      var option = dom.element("option", null, i18n.label("state", value));
      option.value = value;
      select.appendChild(option);
    });
    var reason = input("sup.reasonPlaceholder", "state-reason");
    box.appendChild(select);
    box.appendChild(reason);
    box.appendChild(button(t("sup.setState"), "state-apply", function () {
      if (!reason.value.trim()) {
        dom.message("sup-message", t("sup.reasonMissing"), "error");
        return;
      }
      act("/api/seats/" + encodeURIComponent(seat.seat) + "/state", {state: select.value, reason: reason.value.trim()},
        t("sup.done", {what: seat.seat + " → " + i18n.label("state", select.value)}));
    }));
    return box;
  }

  function monitorControls(seat) {
    var box = dom.element("span", "inline-form");
    box.setAttribute("title", t("sup.monitorHelp"));
    [["listen", "sup.listen"], ["whisper", "sup.whisper"], ["barge", "sup.barge"]].forEach(function (mode) {
      var node = button(t(mode[1]), "monitor-" + mode[0], function () {
        act("/api/supervisor/monitor", {seat: seat.seat, mode: mode[0]},
          t("sup.monitorRinging", {mode: t(mode[1]), seat: seat.seat}));
      });
      node.disabled = !seat.call;
      box.appendChild(node);
    });
    return box;
  }

  /** Whether the supervisor is typing in a table: re-rendering now would throw their input away. */
  function typingIn(body) {
    var active = document.activeElement;
    return !!active && body.contains(active) && (active.tagName === "INPUT" || active.tagName === "SELECT");
  }

  function renderSeats() {
    var body = $("seat-board").querySelector("tbody");
    if (typingIn(body)) {
      return; // the next update or reload shows the change
    }
    dom.clear(body);
    state.seats.forEach(function (seat) {
      var row = dom.element("tr");
      row.setAttribute("data-seat", seat.seat);
      cell(row, seat.seat);
      cell(row, seat.name);
      var badge = dom.element("span", "state-badge state-" + seat.state, i18n.label("state", seat.state)
        + (seat.reason ? " (" + i18n.label("reason", seat.reason) + ")" : ""));
      cell(row, badge);
      cell(row, "", "timer").setAttribute("data-since", seat.since || "");
      var call = seat.call ? dom.element("span", "timer") : "—";
      if (seat.call) {
        call.setAttribute("data-call-since", seat.call.since || "");
        call.setAttribute("data-work-order", seat.call.workOrderId || "");
      }
      cell(row, call);
      cell(row, i18n.label("device", seat.deviceState));
      var actions = cell(row, stateControls(seat));
      actions.appendChild(monitorControls(seat));
      body.appendChild(row);
    });
    tickSeats();
  }

  function tickSeats() {
    var body = $("seat-board").querySelector("tbody");
    body.querySelectorAll("[data-since]").forEach(function (node) {
      var since = node.getAttribute("data-since");
      node.textContent = since ? dom.duration(dom.secondsSince(since)) : "";
    });
    body.querySelectorAll("[data-call-since]").forEach(function (node) {
      node.textContent = t("sup.callInfo", {seconds: dom.duration(dom.secondsSince(node.getAttribute("data-call-since"))),
        id: node.getAttribute("data-work-order")});
    });
  }

  function clockCell(row) {
    var td = dom.element("td", "clock");
    td.appendChild(dom.element("span", "clock-value"));
    td.appendChild(dom.element("span", "clock-due muted"));
    row.appendChild(td);
    return td;
  }

  function renderWorkOrders() {
    var body = $("wo-board").querySelector("tbody");
    if (typingIn(body)) {
      return;
    }
    dom.clear(body);
    state.workOrders.forEach(function (order) {
      var row = dom.element("tr");
      row.setAttribute("data-work-order", String(order.id));
      cell(row, "#" + order.id);
      cell(row, order.customer ? order.customer.name + (order.customer.vip ? " · VIP" : "") : "—");
      cell(row, order.severity);
      cell(row, i18n.label("tier", order.tier));
      cell(row, i18n.label("wostate", order.state));
      cell(row, order.owner || "—");
      clockCell(row).setAttribute("data-clock", "response");
      clockCell(row).setAttribute("data-clock", "resolution");
      var box = dom.element("span", "inline-form");
      var seat = input("sup.seatPlaceholder", "reassign-seat");
      var reason = input("sup.reasonPlaceholder", "reassign-reason");
      box.appendChild(seat);
      box.appendChild(reason);
      box.appendChild(button(t("sup.reassign"), "reassign-apply", function () {
        if (!seat.value.trim() || !reason.value.trim()) {
          dom.message("sup-message", t("sup.reasonMissing"), "error");
          return;
        }
        act("/api/work-orders/" + encodeURIComponent(order.id) + "/reassign",
          {seat: seat.value.trim(), reason: reason.value.trim()},
          t("sup.done", {what: "#" + order.id + " → " + seat.value.trim()}));
      }));
      cell(row, box);
      body.appendChild(row);
    });
    tickClocks();
  }

  function tickClocks() {
    var byId = {};
    state.workOrders.forEach(function (order) {
      byId[order.id] = order;
    });
    $("wo-board").querySelectorAll("tr[data-work-order]").forEach(function (row) {
      var order = byId[row.getAttribute("data-work-order")];
      row.querySelectorAll("td[data-clock]").forEach(function (td) {
        var name = td.getAttribute("data-clock");
        window.Hotline.clocks.render(td, order, name, !!state.warned[order.id + ":" + name.toUpperCase()]);
      });
    });
  }

  function reload() {
    return Promise.all([api.get("/api/supervisor/seats"), api.get("/api/supervisor/work-orders")])
      .then(function (results) {
        if (results[0].ok && results[0].data) {
          state.seats = results[0].data.seats || [];
          renderSeats();
        }
        if (results[1].ok && results[1].data) {
          state.workOrders = results[1].data.workOrders || [];
          renderWorkOrders();
        }
      });
  }

  function upsert(list, key, item) {
    for (var index = 0; index < list.length; index += 1) {
      if (list[index][key] === item[key]) {
        list[index] = item;
        return;
      }
    }
    list.push(item);
  }

  function onMessage(message) {
    var data = message.data || {};
    if (message.type === "seat") {
      upsert(state.seats, "seat", data);
      renderSeats();
    } else if (message.type === "work_order") {
      if (["RESOLVED", "CLOSED", "CANCELLED"].indexOf(data.state) >= 0) {
        state.workOrders = state.workOrders.filter(function (order) {
          return order.id !== data.id;
        });
      } else {
        upsert(state.workOrders, "id", data);
      }
      renderWorkOrders();
    } else if (message.type === "sla_warning") {
      state.warned[data.workOrderId + ":" + data.clock] = true;
      tickClocks();
    }
  }

  var REPORT_MAX_DAYS = 400;

  /** The report's URL for the form's period, or null (and a message) when the period is not one. */
  function reportUrl(format) {
    var from = $("report-from").value;
    var to = $("report-to").value;
    var days = (Date.parse(to) - Date.parse(from)) / 86400000;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || !(days > 0)
        || days > REPORT_MAX_DAYS) {
      dom.message("report-message", t("sup.reportBadPeriod"), "error");
      return null;
    }
    dom.message("report-message", "", "ok");
    var url = "/api/reports/service-quality?from=" + encodeURIComponent(from) + "&to=" + encodeURIComponent(to)
        + "&format=" + format + "&lang=" + encodeURIComponent(i18n.language());
    return format === "csv" ? url + "&table=" + encodeURIComponent($("report-table").value) : url;
  }

  function wireReport() {
    $("report-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var url = reportUrl("html");
      if (url) {
        window.open(url, "_blank", "noopener");
      }
    });
    $("report-csv").addEventListener("click", function () {
      var url = reportUrl("csv");
      if (url) {
        var link = dom.element("a");
        link.href = url;
        link.setAttribute("download", "");
        document.body.appendChild(link);
        link.click();
        link.remove();
      }
    });
  }

  var wired = false;

  window.Hotline = window.Hotline || {};
  window.Hotline.supervisor = {
    start: function () {
      if (!wired) {
        wired = true;
        wireReport();
        i18n.onChange(function () {
          renderSeats();
          renderWorkOrders();
        });
      }
      return reload();
    },
    reload: reload,
    onMessage: onMessage,
    tick: function () {
      tickSeats();
      tickClocks();
    }
  };
}());
