/*
 * The seat agent's desktop: seat state bar, screen-pop, work order form and its actions, knowledge-base search,
 * SLA clocks and notifications. Reads GET /api/desktop and the push messages; writes through the POSTs of
 * docs/api.md. Server text reaches the page only through textContent.
 */
(function () {
  "use strict";
  var dom = window.Hotline.dom;
  var api = window.Hotline.api;
  var i18n = window.Hotline.i18n;
  var t = i18n.t;
  var $ = dom.byId;

  var SEAT_BUTTONS = {
    LOGGED_OUT: ["seat-login"],
    READY: ["seat-not-ready", "seat-logout"],
    RESERVED: [],
    ON_CALL: [],
    WRAP_UP: ["seat-wrap-up-done", "seat-not-ready"],
    NOT_READY: ["seat-ready", "seat-not-ready", "seat-logout"]
  };
  var ALL_SEAT_BUTTONS = ["seat-login", "seat-ready", "seat-not-ready", "seat-wrap-up-done", "seat-logout"];
  var FINISHED = ["RESOLVED", "CLOSED", "CANCELLED"];
  var MAX_NOTES = 6;

  var state = {user: null, seat: null, pop: null, popEnded: false, workOrder: null, formFor: null, dirty: false,
    warned: {}};

  // ---- seat ----------------------------------------------------------------------------------------------

  function renderSeat(seat) {
    if (!seat) {
      return;
    }
    state.seat = seat;
    dom.setText("seat-id", seat.seat);
    var badge = $("seat-state");
    badge.textContent = i18n.label("state", seat.state);
    badge.className = "state-badge state-" + seat.state;
    badge.setAttribute("data-state", seat.state);
    dom.setText("seat-reason", seat.reason ? "(" + i18n.label("reason", seat.reason) + ")" : "");
    dom.setText("seat-device", seat.deviceState ? i18n.label("device", seat.deviceState) : "");
    dom.setText("seat-hint", t("seat.hint." + seat.state));
    var allowed = SEAT_BUTTONS[seat.state] || ALL_SEAT_BUTTONS;
    ALL_SEAT_BUTTONS.forEach(function (id) {
      $(id).disabled = allowed.indexOf(id) < 0;
    });
    if (allowed.indexOf("seat-not-ready") < 0) {
      dom.show("not-ready-picker", false);
    }
    tickSeat();
  }

  function tickSeat() {
    dom.setText("seat-since", state.seat && state.seat.since ? dom.duration(dom.secondsSince(state.seat.since)) : "");
  }

  function seatAction(path, body) {
    dom.show("seat-error", false);
    ALL_SEAT_BUTTONS.forEach(function (id) {
      $(id).disabled = true; // one request at a time; renderSeat enables what the new state allows
    });
    return api.post(path, body).then(function (result) {
      if (result.ok && result.data && result.data.seat) {
        renderSeat(result.data.seat);
      } else {
        renderSeat(state.seat);
        if (!result.ok && result.status !== 401) {
          dom.setText("seat-error", api.describe(result));
          dom.show("seat-error", true);
        }
      }
    });
  }

  function wireSeat() {
    $("seat-login").addEventListener("click", function () {
      seatAction("/api/seat/login");
    });
    $("seat-ready").addEventListener("click", function () {
      seatAction("/api/seat/ready");
    });
    $("seat-wrap-up-done").addEventListener("click", function () {
      seatAction("/api/seat/wrap-up-done");
    });
    $("seat-logout").addEventListener("click", function () {
      seatAction("/api/seat/logout");
    });
    $("seat-not-ready").addEventListener("click", function () {
      dom.show("not-ready-picker", true);
      $("not-ready-reason").focus();
    });
    $("not-ready-cancel").addEventListener("click", function () {
      dom.show("not-ready-picker", false);
    });
    $("not-ready-confirm").addEventListener("click", function () {
      dom.show("not-ready-picker", false);
      seatAction("/api/seat/not-ready", {reason: $("not-ready-reason").value});
    });
  }

  // ---- notifications -------------------------------------------------------------------------------------

  function notify(kind, text) {
    var area = $("notifications");
    var note = dom.element("div", "note note-" + kind);
    note.setAttribute("data-test", "notification");
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

  // ---- screen-pop ----------------------------------------------------------------------------------------

  function applyScreenPop(pop) {
    if (!pop) {
      if (state.pop && !state.popEnded) {
        // The call is over (or was withdrawn): keep what the agent was reading until they close it.
        state.popEnded = true;
        renderPhase();
      }
      return;
    }
    var newCall = !state.pop || state.pop.callId !== pop.callId;
    state.pop = pop;
    state.popEnded = false;
    if (newCall) {
      renderPop(pop);
    }
    renderPhase();
    if (pop.workOrder && pop.workOrder.id) {
      showWorkOrder(pop.workOrder);
    }
  }

  function renderPhase() {
    var phase = state.popEnded ? "ended" : state.pop.phase;
    var node = $("call-phase");
    node.textContent = t("pop.phase." + phase);
    node.className = "phase phase-" + phase;
    node.setAttribute("data-phase", phase);
    dom.show("screen-pop-close", state.popEnded);
    // a ringing phone shows in the tab's title too, for an agent looking at another window
    document.title = phase === "offered" ? "☎ " + t("pop.phase.offered") + " – Hotline" : "Hotline";
  }

  function listItem(list, parts) {
    var item = dom.element("li");
    parts.forEach(function (part) {
      if (part) {
        item.appendChild(part);
      }
    });
    list.appendChild(item);
    return item;
  }

  function renderList(id, items, render) {
    var list = $(id);
    dom.clear(list);
    if (!items || items.length === 0) {
      list.appendChild(dom.element("li", "muted", t("common.none")));
      return;
    }
    items.forEach(function (item) {
      render(list, item);
    });
  }

  function renderPop(pop) {
    dom.show("no-call", false);
    dom.show("screen-pop", true);
    dom.setText("caller-number", pop.caller ? pop.caller.number : "");
    dom.setText("call-queue", pop.queue || "");
    var customer = pop.customer;
    dom.show("customer-block", !!customer);
    dom.show("customer-unknown", !customer);
    dom.setText("customer-name", customer ? customer.name : "");
    dom.setText("customer-code", customer ? customer.code : "");
    dom.setText("customer-contract", customer ? i18n.label("contract", customer.contractLevel) : "");
    dom.setText("customer-region", customer ? customer.region : "");
    dom.setText("customer-site", customer ? customer.site : "");
    dom.show("customer-vip", !!(customer && customer.vip));
    renderPopLists(pop);
    var products = $("product-options");
    dom.clear(products);
    (pop.products || []).forEach(function (product) {
      var option = dom.element("option");
      option.value = product.product;
      products.appendChild(option);
    });
  }

  function renderPopLists(pop) {
    renderList("products", pop.products, function (list, product) {
      var modules = product.modules && product.modules.length ? t("pop.modules", {modules: product.modules.join(", ")})
        : "";
      // Hotline names the product line next to its code (docs/api.md has the code only): show the name when given
      listItem(list, [dom.element("strong", null, product.name || product.product),
        dom.element("span", null, " " + product.version),
        modules ? dom.element("span", "muted", " · " + modules) : null]);
    });
    renderList("open-work-orders", pop.openWorkOrders, function (list, order) {
      listItem(list, [dom.element("strong", null, "#" + order.id), dom.element("span", "badge", order.severity),
        dom.element("span", "muted", i18n.label("tier", order.tier) + " · " + i18n.label("wostate", order.state)),
        dom.element("div", null, order.summary), dom.element("span", "muted", dom.dateTime(order.openedAt))]);
    });
    renderList("last-contacts", pop.lastContacts, function (list, contact) {
      // a contact without an outcome is still going on (Hotline lists the current call among the last contacts)
      var details = [i18n.label("outcome", contact.outcome || "ONGOING")];
      if (contact.seat) {
        details.push(contact.seat);
      }
      if (contact.talkSeconds) {
        details.push(t("pop.talk", {duration: dom.duration(contact.talkSeconds)}));
      }
      if (contact.workOrderId) {
        details.push(t("pop.byWorkOrder", {id: contact.workOrderId}));
      }
      listItem(list, [dom.element("span", "muted", dom.dateTime(contact.at) + " "),
        dom.element("span", null, details.join(" · "))]);
    });
    renderList("suggested-articles", pop.suggestedArticles, renderArticle);
  }

  function renderArticle(list, article) {
    var snippet = dom.element("div", "snippet");
    snippet.appendChild(dom.highlighted(article.snippet));
    var item = listItem(list, [dom.element("strong", null, article.title),
      article.product ? dom.element("span", "badge", article.product) : null, snippet]);
    item.setAttribute("data-article", String(article.id));
  }

  function closePop() {
    state.pop = null;
    state.popEnded = false;
    document.title = "Hotline";
    dom.show("screen-pop", false);
    dom.show("no-call", true);
    if (state.workOrder && FINISHED.indexOf(state.workOrder.state) >= 0) {
      state.workOrder = null;
      state.formFor = null;
      dom.show("work-order", false);
      dom.show("no-work-order", true);
      dom.setText("wo-id", "");
    }
  }

  // ---- work order ----------------------------------------------------------------------------------------

  /** Shows a work order; the form's fields are refilled only for another work order or an untouched form. */
  function showWorkOrder(order) {
    state.workOrder = order;
    dom.show("no-work-order", false);
    dom.show("work-order", true);
    dom.setText("wo-id", "#" + order.id);
    var badge = $("wo-state");
    badge.textContent = i18n.label("wostate", order.state);
    badge.className = "state-badge wostate-" + order.state;
    badge.setAttribute("data-state", order.state);
    dom.setText("wo-tier", i18n.label("tier", order.tier));
    dom.setText("wo-owner", order.owner || "—");
    if (state.formFor !== order.id || !state.dirty) {
      fillForm(order);
    }
    var finished = FINISHED.indexOf(order.state) >= 0;
    ["wo-save", "escalate-submit", "waiting-submit", "resume-submit", "resolve-submit"].forEach(function (id) {
      $(id).disabled = finished;
    });
    var waiting = order.state === "WAITING_ON_CUSTOMER";
    dom.show("waiting-submit", !waiting);
    dom.show("resume-submit", waiting);
    renderTrail(order.trail);
    tickClocks();
  }

  function fillForm(order) {
    state.formFor = order.id;
    state.dirty = false;
    $("wo-category").value = order.category || "";
    $("wo-product-line").value = order.productLine || "";
    $("wo-severity").value = order.severity || "P3";
    $("wo-summary").value = order.summary || "";
    $("wo-notes").value = order.notes || "";
    $("wo-severity-reason").value = "";
    dom.show("wo-severity-reason-row", false);
    if (!$("wo-resolution").value) {
      $("wo-resolution").value = order.resolution || "";
    }
    if (!$("escalate-site").value && state.pop && state.pop.customer) {
      $("escalate-site").value = state.pop.customer.site || "";
    }
  }

  function renderTrail(trail) {
    var list = $("wo-trail");
    dom.clear(list);
    (trail || []).forEach(function (entry) {
      var text = t("wo.trailEntry", {action: entry.action, from: entry.from || "", to: entry.to || "",
        actor: entry.actor});
      // the tier after the step (Hotline adds it to docs/api.md's trail): an escalation shows where it went
      listItem(list, [dom.element("span", "muted", dom.dateTime(entry.at) + " "), dom.element("span", null, text),
        entry.tier ? dom.element("span", "badge", i18n.label("tier", entry.tier)) : null,
        entry.reason ? dom.element("span", "muted", " — " + entry.reason) : null]);
    });
  }

  function tickClocks() {
    var order = state.workOrder;
    if (!order) {
      return;
    }
    window.Hotline.clocks.render($("clock-response"), order, "response", !!state.warned[order.id + ":RESPONSE"]);
    window.Hotline.clocks.render($("clock-resolution"), order, "resolution",
      !!state.warned[order.id + ":RESOLUTION"]);
  }

  /** Posts a work order action; on success shows the answer's work order and calls done. */
  function workOrderAction(suffix, body, messageId, done) {
    var order = state.workOrder;
    if (!order) {
      return Promise.resolve();
    }
    dom.message(messageId, t("wo.saving"));
    return api.post("/api/work-orders/" + encodeURIComponent(order.id) + suffix, body).then(function (result) {
      if (result.ok && result.data && result.data.id) {
        state.dirty = false;
        state.formFor = null;
        showWorkOrder(result.data);
        done(result.data);
      } else if (result.status !== 401) {
        dom.message(messageId, api.describe(result), "error");
      }
    });
  }

  function changedFields() {
    var order = state.workOrder;
    var body = {};
    var fields = {category: "wo-category", productLine: "wo-product-line", severity: "wo-severity",
      summary: "wo-summary", notes: "wo-notes"};
    Object.keys(fields).forEach(function (name) {
      var value = $(fields[name]).value.trim();
      if (value !== (order[name] || "")) {
        body[name] = value;
      }
    });
    return body;
  }

  function wireWorkOrder() {
    ["wo-category", "wo-product-line", "wo-severity", "wo-summary", "wo-notes"].forEach(function (id) {
      $(id).addEventListener("input", function () {
        state.dirty = true;
      });
    });
    $("wo-severity").addEventListener("change", function () {
      state.dirty = true;
      dom.show("wo-severity-reason-row", state.workOrder && this.value !== state.workOrder.severity);
    });
    $("wo-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var body = changedFields();
      if (Object.keys(body).length === 0) {
        dom.message("wo-message", t("wo.nothingChanged"));
        return;
      }
      if (body.severity) {
        var reason = $("wo-severity-reason").value.trim();
        if (!reason) {
          dom.message("wo-message", t("wo.severityReasonMissing"), "error");
          $("wo-severity-reason").focus();
          return;
        }
        body.reason = reason;
      }
      workOrderAction("", body, "wo-message", function () {
        dom.message("wo-message", t("wo.saved", {time: dom.time(new Date())}), "ok");
      });
    });
    wireEscalate();
    wireWaitingAndResolve();
  }

  function wireEscalate() {
    $("escalate-to").addEventListener("change", function () {
      dom.show("escalate-site-row", this.value === "ON_SITE");
    });
    $("escalate-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var to = $("escalate-to").value;
      var body = {to: to, reason: $("escalate-reason").value.trim()};
      if (!body.reason) {
        dom.message("escalate-message", t("esc.reasonMissing"), "error");
        return;
      }
      if (to === "ON_SITE") {
        body.site = $("escalate-site").value.trim();
        if (!body.site) {
          dom.message("escalate-message", t("esc.siteMissing"), "error");
          return;
        }
      }
      workOrderAction("/escalate", body, "escalate-message", function () {
        $("escalate-reason").value = "";
        dom.message("escalate-message", t("esc.done", {tier: i18n.label("tier", to)}), "ok");
      });
    });
  }

  function wireWaitingAndResolve() {
    $("waiting-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var reason = $("waiting-reason").value.trim();
      if (!reason) {
        dom.message("waiting-message", t("wait.reasonMissing"), "error");
        return;
      }
      workOrderAction("/waiting", {reason: reason}, "waiting-message", function () {
        dom.message("waiting-message", t("wait.paused"), "ok");
      });
    });
    $("resume-submit").addEventListener("click", function () {
      var reason = $("waiting-reason").value.trim() || t("wait.resumeReason");
      workOrderAction("/resume", {reason: reason}, "waiting-message", function () {
        $("waiting-reason").value = "";
        dom.message("waiting-message", t("wait.resumed"), "ok");
      });
    });
    $("resolve-article").addEventListener("change", function () {
      dom.show("article-fields", this.checked);
      if (this.checked && !$("article-title").value) {
        $("article-title").value = $("wo-summary").value;
      }
    });
    $("resolve-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var resolution = $("wo-resolution").value.trim();
      if (!resolution) {
        dom.message("resolve-message", t("resolve.missing"), "error");
        return;
      }
      var body = {resolution: resolution};
      if ($("resolve-article").checked) {
        body.article = {title: $("article-title").value.trim() || $("wo-summary").value.trim(),
          symptoms: $("article-symptoms").value.trim()};
      }
      workOrderAction("/resolve", body, "resolve-message", function () {
        dom.message("resolve-message", t("resolve.done"), "ok");
      });
    });
  }

  // ---- knowledge base ------------------------------------------------------------------------------------

  function wireKnowledge() {
    $("kb-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var query = $("kb-query").value.trim();
      if (!query) {
        return;
      }
      var path = "/api/knowledge?q=" + encodeURIComponent(query) + "&limit=10";
      var product = state.workOrder && state.workOrder.productLine;
      if ($("kb-this-product").checked && product) {
        path += "&product=" + encodeURIComponent(product);
      }
      dom.message("kb-message", t("kb.searching"));
      api.get(path).then(function (result) {
        var list = $("kb-results");
        dom.clear(list);
        if (!result.ok) {
          dom.message("kb-message", api.describe(result), "error");
          return;
        }
        var hits = (result.data && result.data.hits) || [];
        dom.message("kb-message", hits.length ? t("kb.count", {count: hits.length}) : t("kb.none"));
        hits.forEach(function (hit) {
          renderArticle(list, hit);
        });
      });
    });
  }

  // ---- push messages and the whole desktop ---------------------------------------------------------------

  function applyDesktop(body) {
    if (!body) {
      return;
    }
    renderSeat(body.seat);
    applyScreenPop(body.screenPop);
  }

  function reload() {
    return api.get("/api/desktop").then(function (result) {
      if (result.ok) {
        applyDesktop(result.data);
      }
    });
  }

  function onMessage(message) {
    var data = message.data || {};
    switch (message.type) {
      case "hello":
        applyDesktop(data);
        break;
      case "seat":
        if (!state.seat || data.seat === state.seat.seat) {
          renderSeat(data);
          // Hotline pushes no screen_pop when the call leaves the seat (hung up, escalated, transferred): the
          // seat's push without a call is the sign
          if (state.pop && !data.call) {
            applyScreenPop(null);
          }
        }
        break;
      case "screen_pop":
        applyScreenPop(data);
        break;
      case "offer_withdrawn":
        if (state.pop && state.pop.callId === data.callId) {
          applyScreenPop(null);
        }
        notify("warning", t("note.offerWithdrawn", {reason: data.reason || ""}));
        break;
      case "work_order":
        if (state.workOrder && state.workOrder.id === data.id) {
          if (!data.trail) {
            // a push without the history (the board's form) keeps the history the page has
            data.trail = state.workOrder.trail;
          }
          showWorkOrder(data);
        }
        break;
      case "sla_warning":
        onSlaWarning(data);
        break;
      default:
        break;
    }
  }

  function onSlaWarning(data) {
    state.warned[data.workOrderId + ":" + data.clock] = true;
    var clock = i18n.label("clock", String(data.clock || "").toLowerCase());
    var breached = Number(data.level) >= 100;
    notify(breached ? "danger" : "warning", t(breached ? "note.slaBreached" : "note.slaWarning",
      {id: data.workOrderId, clock: clock, level: data.level, at: dom.dateTime(data.dueAt)}));
    tickClocks();
  }

  function refreshLanguage() {
    if (state.seat) {
      renderSeat(state.seat);
    }
    if (state.pop) {
      renderPop(state.pop);
      renderPhase();
    }
    if (state.workOrder) {
      showWorkOrder(state.workOrder);
    }
  }

  var wired = false;

  window.Hotline = window.Hotline || {};
  window.Hotline.desktop = {
    start: function (user) {
      state.user = user;
      if (!wired) {
        wired = true;
        wireSeat();
        wireWorkOrder();
        wireKnowledge();
        $("screen-pop-close").addEventListener("click", closePop);
        i18n.onChange(refreshLanguage);
      }
      return reload();
    },
    reload: reload,
    onMessage: onMessage,
    tick: function () {
      tickSeat();
      tickClocks();
    },
    notify: notify
  };
}());
