/*
 * The map of branches and sites shared by the duty manager's console and the wallboard: inline SVG built with
 * createElementNS (no tiles, nothing from elsewhere, no markup parsed), an equirectangular projection around a
 * centre, longitudes shrunk by the cosine of its latitude, scaled so that the farthest point fits the box.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  /** A new SVG element with the attributes given and, if given, text (set as textContent). */
  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    if (text !== undefined) {
      node.textContent = String(text);
    }
    return node;
  }

  /**
   * The projection of {lat, lon} points into box {width, height, margin}: equirectangular around centre, scaled so
   * that the farthest of points fits; answers function (point) -> {x, y}.
   */
  function projection(centre, points, box) {
    var cos = Math.cos(centre.lat * Math.PI / 180);
    var maxX = 0;
    var maxY = 0;
    points.forEach(function (point) {
      maxX = Math.max(maxX, Math.abs((point.lon - centre.lon) * cos));
      maxY = Math.max(maxY, Math.abs(point.lat - centre.lat));
    });
    var halfWidth = box.width / 2 - box.margin;
    var halfHeight = box.height / 2 - box.margin;
    var scale = Math.min(maxX > 0 ? halfWidth / maxX : Infinity, maxY > 0 ? halfHeight / maxY : Infinity);
    if (!isFinite(scale)) {
      scale = 1;
    }
    return function (point) {
      return {
        x: Math.round((box.width / 2 + (point.lon - centre.lon) * cos * scale) * 10) / 10,
        y: Math.round((box.height / 2 - (point.lat - centre.lat) * scale) * 10) / 10
      };
    };
  }

  /** The middle of the points' bounding box; {lat: 0, lon: 0} when there are none. */
  function middle(points) {
    if (points.length === 0) {
      return {lat: 0, lon: 0};
    }
    var lats = points.map(function (point) {
      return point.lat;
    });
    var lons = points.map(function (point) {
      return point.lon;
    });
    return {lat: (Math.min.apply(null, lats) + Math.max.apply(null, lats)) / 2,
      lon: (Math.min.apply(null, lons) + Math.max.apply(null, lons)) / 2};
  }

  /** Empties the SVG element and draws its ground and the axes through the middle of box. */
  function ground(map, box) {
    while (map.firstChild) {
      map.removeChild(map.firstChild);
    }
    map.appendChild(svg("rect", {x: 0, y: 0, width: box.width, height: box.height, "class": "map-ground"}));
    map.appendChild(svg("line", {x1: box.width / 2, y1: 0, x2: box.width / 2, y2: box.height, "class": "map-axis"}));
    map.appendChild(svg("line", {x1: 0, y1: box.height / 2, x2: box.width, y2: box.height / 2, "class": "map-axis"}));
  }

  /** A branch's square with its code beside it, at the projected point. */
  function branch(code, at) {
    var group = svg("g", {"class": "map-branch", "data-branch": code});
    group.appendChild(svg("rect", {x: at.x - 7, y: at.y - 7, width: 14, height: 14}));
    group.appendChild(svg("text", {x: at.x + 10, y: at.y + 4}, code));
    return group;
  }

  window.Hotline = window.Hotline || {};
  window.Hotline.map = {svg: svg, projection: projection, middle: middle, ground: ground, branch: branch};
}());
