/*
 * The people API (docs/api.md) as the page uses it: JSON requests authenticated by the HttpOnly session cookie,
 * every POST with the header X-Hotline-Request: 1, a 401 sending the page back to the sign-in; and the push
 * channel /ws with reconnect (exponential backoff with jitter), a ping every 30 s, GET /api/desktop reloaded after
 * each reconnect and polled every few seconds while no WebSocket is open.
 */
(function () {
  "use strict";

  var PING_MILLIS = 30000;
  var POLL_MILLIS = 3000;
  var MAX_BACKOFF_MILLIS = 30000;
  var unauthenticatedHandler = function () {};

  /**
   * Resolves (never rejects) to {ok, status, data, error, message, retryAfter}; status 0 means the server could
   * not be reached.
   */
  function request(method, path, body, options) {
    var headers = {"Accept": "application/json"};
    var init = {method: method, credentials: "same-origin", cache: "no-store", headers: headers};
    if (method !== "GET") {
      headers["X-Hotline-Request"] = "1";
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        if (text) {
          try {
            data = JSON.parse(text);
          } catch (e) {
            data = null;
          }
        }
        var result = {
          ok: response.ok, status: response.status, data: data,
          error: data && !response.ok ? data.error : null,
          message: data && !response.ok ? data.message : null,
          retryAfter: response.headers.get("Retry-After")
        };
        if (response.status === 401 && !(options && options.loginRequest)) {
          unauthenticatedHandler();
        }
        return result;
      });
    }, function () {
      return {ok: false, status: 0, data: null, error: "unreachable", message: null, retryAfter: null};
    });
  }

  /** A sentence for the person about a failed result, in the page's language. */
  function describe(result) {
    var t = window.Hotline.i18n.t;
    switch (result.status) {
      case 0:
        return t("app.unreachable");
      case 401:
        return t("app.sessionEnded");
      case 403:
        return t("app.forbidden");
      case 409:
        return t("note.refused", {message: result.message || ""});
      case 503:
        return t("app.starting");
      default:
        // 400 and 404 carry a sentence written for people (docs/api.md); anything else gets the generic one
        return result.message && result.status < 500 ? result.message : t("app.failed", {status: result.status});
    }
  }

  /** The push channel; start() once signed in, stop() when signing out. */
  function PushChannel(handlers) {
    this.handlers = handlers;
    this.socket = null;
    this.connected = false;
    this.everConnected = false;
    this.attempts = 0;
    this.stopped = true;
    this.timers = {ping: null, poll: null, reconnect: null};
  }

  PushChannel.prototype.start = function () {
    var self = this;
    this.stopped = false;
    this.connect();
    this.timers.poll = window.setInterval(function () {
      if (!self.connected && !self.stopped) {
        self.handlers.reload();
      }
    }, POLL_MILLIS);
  };

  PushChannel.prototype.connect = function () {
    var self = this;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + window.location.host + "/ws");
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = function () {
      var reconnected = self.everConnected;
      self.connected = true;
      self.everConnected = true;
      self.attempts = 0;
      self.handlers.status(true);
      self.timers.ping = window.setInterval(function () {
        if (socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify({type: "ping"}));
        }
      }, PING_MILLIS);
      if (reconnected) {
        self.handlers.reload(); // what was pushed while we were away is lost: read the whole desktop again
      }
    };
    socket.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message && message.type && message.type !== "pong") {
        self.handlers.message(message);
      }
    };
    socket.onclose = function () {
      window.clearInterval(self.timers.ping);
      var wasConnected = self.connected;
      self.connected = false;
      self.socket = null;
      if (!self.stopped) {
        if (wasConnected) {
          self.handlers.status(false);
        }
        self.scheduleReconnect();
      }
    };
  };

  PushChannel.prototype.scheduleReconnect = function () {
    var self = this;
    var ceiling = Math.min(MAX_BACKOFF_MILLIS, 1000 * Math.pow(2, this.attempts));
    var delay = ceiling / 2 + Math.random() * ceiling / 2; // jitter: 100 desktops do not all return at once
    this.attempts = Math.min(this.attempts + 1, 10);
    this.timers.reconnect = window.setTimeout(function () {
      if (!self.stopped) {
        self.connect();
      }
    }, delay);
  };

  PushChannel.prototype.stop = function () {
    this.stopped = true;
    window.clearInterval(this.timers.ping);
    window.clearInterval(this.timers.poll);
    window.clearTimeout(this.timers.reconnect);
    if (this.socket) {
      this.socket.close(1000);
      this.socket = null;
    }
    this.connected = false;
  };

  window.Hotline = window.Hotline || {};
  window.Hotline.api = {
    get: function (path) {
      return request("GET", path);
    },
    post: function (path, body) {
      return request("POST", path, body === undefined ? {} : body);
    },
    login: function (login, password) {
      return request("POST", "/api/login", {login: login, password: password}, {loginRequest: true});
    },
    describe: describe,
    onUnauthenticated: function (handler) {
      unauthenticatedHandler = handler;
    },
    PushChannel: PushChannel
  };
}());
