/*
 * SLA clocks as a person reads them: counting down every second from dueAt, amber once 75 % of the clock's time
 * is used (or the server sent an sla_warning for it), red once breached. A paused clock (waiting on the
 * customer) shows its frozen remaining time; a stopped one shows "met" or the breach.
 */
(function () {
  "use strict";

  // The brief's SLAs (response / resolution, seconds), used when the clock does not carry its own target.
  var DEFAULT_BUDGET = {
    P1: {response: 30 * 60, resolution: 2 * 3600},
    P2: {response: 4 * 3600, resolution: 24 * 3600},
    P3: {response: 8 * 3600, resolution: 48 * 3600}
  };
  var AMBER_AT = 0.75;

  function budgetSeconds(workOrder, name, clock) {
    if (clock.targetSeconds) {
      return clock.targetSeconds;
    }
    var bySeverity = DEFAULT_BUDGET[workOrder.severity];
    if (bySeverity) {
      return bySeverity[name];
    }
    var opened = Date.parse(workOrder.openedAt);
    var due = Date.parse(clock.dueAt);
    return isNaN(opened) || isNaN(due) ? 0 : Math.max(1, (due - opened) / 1000);
  }

  /**
   * What a clock shows now: {text, level} with level one of "none", "ok", "amber", "red", "met", "paused".
   *
   * @param warned whether an sla_warning arrived for this clock (amber even if the local estimate says less)
   */
  function view(workOrder, name, warned) {
    var t = window.Hotline.i18n.t;
    var duration = window.Hotline.dom.duration;
    var clock = workOrder && workOrder.clocks ? workOrder.clocks[name] : null;
    if (!clock) {
      return {text: "—", level: "none", due: ""};
    }
    var due = clock.dueAt ? t("clock.dueAt", {at: window.Hotline.dom.dateTime(clock.dueAt)}) : "";
    if (clock.state === "STOPPED") {
      return clock.breached ? {text: t("clock.breached"), level: "red", due: due}
        : {text: t("clock.met"), level: "met", due: due};
    }
    if (clock.state === "PAUSED") {
      return {text: t("clock.paused", {time: duration(clock.remainingSeconds || 0)}), level: "paused", due: due};
    }
    var remaining = (Date.parse(clock.dueAt) - Date.now()) / 1000;
    if (isNaN(remaining)) {
      remaining = clock.remainingSeconds || 0;
    }
    if (clock.breached || remaining <= 0) {
      return {text: t("clock.overdue", {time: duration(remaining)}), level: "red", due: due};
    }
    var budget = budgetSeconds(workOrder, name, clock);
    var used = budget > 0 ? 1 - remaining / budget : 0;
    var level = warned || used >= AMBER_AT ? "amber" : "ok";
    return {text: t("clock.left", {time: duration(remaining)}), level: level, due: due};
  }

  var LEVELS = ["none", "ok", "amber", "red", "met", "paused"];

  /** Shows view() in a clock element holding .clock-value and .clock-due children, colored by class only. */
  function render(node, workOrder, name, warned) {
    if (!node) {
      return;
    }
    var shown = view(workOrder, name, warned);
    var value = node.querySelector(".clock-value");
    var due = node.querySelector(".clock-due");
    (value || node).textContent = shown.text;
    if (due) {
      due.textContent = shown.due;
    }
    LEVELS.forEach(function (level) {
      node.classList.toggle("clock-" + level, level === shown.level);
    });
    node.setAttribute("data-level", shown.level);
  }

  window.Hotline = window.Hotline || {};
  window.Hotline.clocks = {view: view, render: render};
}());
