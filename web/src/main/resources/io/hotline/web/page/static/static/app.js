/*
 * Starts the page: the language switch, the sign-in, then by role the agent's desktop, the supervisor's board
 * (with the branches' console as a second tab, #console) or the duty manager's console, the push channel, and the
 * one-second tick of durations and clocks. A 401 from any call returns here to the sign-in.
 */
(function () {
  "use strict";
  var dom = window.Hotline.dom;
  var api = window.Hotline.api;
  var i18n = window.Hotline.i18n;
  var t = i18n.t;
  var $ = dom.byId;

  var VIEWS = ["login-view", "desktop-view", "supervisor-view", "console-view", "other-role-view"];
  var session = {user: null, view: null, push: null, tick: null};

  function showView(id) {
    dom.show("boot-message", false);
    VIEWS.forEach(function (view) {
      dom.show(view, view === id);
    });
    dom.show("logout-button", id !== "login-view");
    var tabs = supervises(session.user) && (id === "supervisor-view" || id === "console-view");
    dom.show("view-tabs", tabs);
    $("tab-board").classList.toggle("active", id === "supervisor-view");
    $("tab-console").classList.toggle("active", id === "console-view");
    document.body.setAttribute("data-view", id);
  }

  function supervises(user) {
    return !!user && (user.role === "supervisor" || user.role === "admin");
  }

  /** A supervisor's two views: the board (seats and work orders) and the branches' console (#console). */
  function showSupervisorTab() {
    showView(window.location.hash === "#console" ? "console-view" : "supervisor-view");
  }

  /** The supervisor's board and the branches' console together: both hear the pushes and tick. */
  function headquarters() {
    var board = window.Hotline.supervisor;
    var branches = window.Hotline.console;
    return {
      start: function (user) {
        board.start(user);
        branches.start(user);
      },
      reload: function () {
        board.reload();
        branches.reload();
      },
      onMessage: function (message) {
        board.onMessage(message);
        branches.onMessage(message);
      },
      tick: function () {
        board.tick();
        branches.tick();
      }
    };
  }

  function stopSession() {
    if (session.push) {
      session.push.stop();
      session.push = null;
    }
    window.clearInterval(session.tick);
    session.tick = null;
    window.Hotline.console.stop();
    session.user = null;
    session.view = null;
    dom.show("connection-status", false);
    dom.setText("user-name", "");
  }

  function showLogin(reason) {
    var wasSignedIn = !!session.user;
    stopSession();
    showView("login-view");
    var error = $("login-error");
    if (reason) {
      error.textContent = reason;
      error.hidden = false;
    } else if (!wasSignedIn) {
      error.hidden = true;
    }
    $("login-password").value = "";
    $("login-name").focus();
  }

  function connectionStatus(connected) {
    var node = $("connection-status");
    node.hidden = false;
    node.textContent = connected ? t("app.live") : t("app.reconnecting");
    node.className = "connection " + (connected ? "live" : "offline");
  }

  function startSession(user) {
    session.user = user;
    dom.setText("user-name", user.displayName + (user.seat ? " · " + user.seat : "")
      + (user.branch ? " · " + user.branch : ""));
    var module;
    if (user.role === "agent") {
      module = window.Hotline.desktop;
      showView("desktop-view");
    } else if (supervises(user)) {
      module = headquarters();
      showSupervisorTab();
    } else if (user.role === "duty-manager") {
      module = window.Hotline.console;
      showView("console-view");
    } else {
      showView("other-role-view");
      return;
    }
    session.view = module;
    module.start(user);
    session.push = new api.PushChannel({
      message: module.onMessage,
      reload: module.reload,
      status: connectionStatus
    });
    session.push.start();
    connectionStatus(false);
    session.tick = window.setInterval(module.tick, 1000);
  }

  function wireLogin() {
    $("login-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var error = $("login-error");
      error.hidden = true;
      $("login-submit").disabled = true;
      api.login($("login-name").value.trim(), $("login-password").value).then(function (result) {
        $("login-submit").disabled = false;
        if (result.ok && result.data && result.data.user) {
          $("login-password").value = "";
          startSession(result.data.user);
          return;
        }
        var text;
        if (result.status === 401) {
          text = t("login.refused");
        } else if (result.status === 429) {
          var seconds = parseInt(result.retryAfter, 10);
          text = isNaN(seconds) ? t("login.throttledSoon") : t("login.throttled", {seconds: seconds});
        } else {
          text = api.describe(result);
        }
        error.textContent = text;
        error.hidden = false;
        $("login-password").value = "";
        $("login-password").focus();
      });
    });
    $("logout-button").addEventListener("click", function () {
      api.post("/api/logout").then(function () {
        showLogin(null);
      });
    });
  }

  function wireLanguage() {
    var select = $("lang-switch");
    select.value = i18n.language();
    select.addEventListener("change", function () {
      i18n.setLanguage(select.value);
      if (session.push) {
        connectionStatus(session.push.connected);
      }
    });
    i18n.setLanguage(i18n.language());
  }

  function wireTabs() {
    $("tab-board").addEventListener("click", function () {
      window.location.hash = "";
      showSupervisorTab();
    });
    $("tab-console").addEventListener("click", function () {
      window.location.hash = "#console";
      showSupervisorTab();
    });
    window.addEventListener("hashchange", function () {
      if (supervises(session.user)) {
        showSupervisorTab();
      }
    });
  }

  function boot() {
    wireLanguage();
    wireLogin();
    wireTabs();
    api.onUnauthenticated(function () {
      if (session.user) {
        showLogin(t("app.sessionEnded"));
      }
    });
    api.get("/api/me").then(function (result) {
      if (result.ok && result.data) {
        startSession(result.data);
      } else {
        showLogin(result.status === 401 ? null : api.describe(result));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
}());
