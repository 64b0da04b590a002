/*
 * Small DOM helpers. Text from the server only ever reaches the page through textContent (never parsed as HTML);
 * the knowledge base's <mark> highlights are rebuilt as elements by highlighted().
 */
(function () {
  "use strict";

  function byId(id) {
    return document.getElementById(id);
  }

  /** A new element with an optional class list and text. */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function setText(id, text) {
    var node = byId(id);
    if (node) {
      node.textContent = text === null || text === undefined ? "" : String(text);
    }
  }

  function show(id, visible) {
    var node = typeof id === "string" ? byId(id) : id;
    if (node) {
      node.hidden = !visible;
    }
  }

  /**
   * The snippet as nodes: the literal tags <mark> and </mark> become a mark element, everything else stays
   * text, so a snippet holding "<img onerror=...>" shows those characters and runs nothing.
   */
  function highlighted(snippet) {
    var fragment = document.createDocumentFragment();
    var parts = String(snippet || "").split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === "<mark>") {
        marked = true;
      } else if (part === "</mark>") {
        marked = false;
      } else if (part) {
        fragment.appendChild(marked ? element("mark", null, part) : document.createTextNode(part));
      }
    });
    return fragment;
  }

  /** Whole seconds as h:mm:ss (or m:ss under an hour); negative values as their absolute value. */
  function duration(totalSeconds) {
    var seconds = Math.floor(Math.abs(totalSeconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    var pad = function (value) {
      return value < 10 ? "0" + value : String(value);
    };
    return hours > 0 ? hours + ":" + pad(minutes) + ":" + pad(rest) : minutes + ":" + pad(rest);
  }

  /** An ISO instant as local date and time in the page's language; "" for none. */
  function dateTime(iso) {
    if (!iso) {
      return "";
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    return date.toLocaleString(window.Hotline.i18n.locale(), {
      month: "short", day: "numeric", hour: "2-digit", minute: "2-digit"
    });
  }

  function time(date) {
    return date.toLocaleTimeString(window.Hotline.i18n.locale(), {hour: "2-digit", minute: "2-digit", second: "2-digit"});
  }

  /** Seconds since an ISO instant, never negative. */
  function secondsSince(iso) {
    var at = Date.parse(iso);
    return isNaN(at) ? 0 : Math.max(0, Math.floor((Date.now() - at) / 1000));
  }

  /** A message in a status element, styled by kind ("ok", "error" or none). */
  function message(id, text, kind) {
    var node = byId(id);
    if (!node) {
      return;
    }
    node.textContent = text || "";
    node.classList.toggle("ok", kind === "ok");
    node.classList.toggle("error", kind === "error");
  }

  window.Hotline = window.Hotline || {};
  window.Hotline.dom = {
    byId: byId,
    element: element,
    clear: clear,
    setText: setText,
    show: show,
    highlighted: highlighted,
    duration: duration,
    dateTime: dateTime,
    time: time,
    secondsSince: secondsSince,
    message: message
  };
}());
