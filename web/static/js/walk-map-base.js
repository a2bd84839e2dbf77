// What the walk's two maps share (walk-map.js for the findings, walk-draw.js for drawing the
// route and the area): a Leaflet map with zoom buttons titled in the page's language, a metric
// scale, and beneath everything either the tiles of the server's setting (data-tiles, with its
// attribution) or, without tiles, the workspace's own base map (data-base-map: its boundary and
// main streets, uploaded by an admin at /walks/base-map).
(function () {
  "use strict";
  if (!window.L) return;

  // Leaflet writes attributions as HTML: the setting is text, so it is escaped here.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function attribution(texts) {
    var text = escapeHtml(texts.attribution || "");
    var url = texts.attributionUrl || "";
    if (!text || !/^https?:\/\//.test(url)) return text;
    return '<a href="' + escapeHtml(url) + '">' + text + "</a>";
  }
  // Pale, beneath the markers, not clickable: the streets are for finding one's way.
  function baseStyle(feature) {
    return feature.geometry.type === "Polygon"
      ? { color: "#5f6d5f", weight: 1.5, fillColor: "#dde5dd", fillOpacity: 0.7 }
      : { color: "#7d887d", weight: 5, opacity: 0.9, lineCap: "round", lineJoin: "round" };
  }

  window.samtrygWalkMaps = {
    // The map in `element`; its data attributes say where tiles and the base map come from.
    // `events.baseBounds(bounds)` is called once the base map's extent is known (also with
    // tiles: it is where an empty map opens), `events.baseFailed()` when it could not be had.
    create: function (element, events) {
      var texts = element.dataset;
      var map = L.map(element, { zoomControl: false, maxZoom: 19 });
      // The base map arrives last but lies beneath everything the walk draws: a pane of its own
      // under Leaflet's overlay pane (400).
      map.createPane("walkBase").style.zIndex = 350;
      L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
      L.control.scale({ imperial: false }).addTo(map);
      // Leaflet's own credit without its English link title.
      map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      var tiles = texts.tiles || "";
      if (tiles) {
        L.tileLayer(tiles, {
          maxZoom: 19,
          attribution: attribution(texts),
          // The site sends no Referer elsewhere (Referrer-Policy: same-origin); tile servers such
          // as OpenStreetMap's require one, and the origin alone says who asks without the page.
          referrerPolicy: "strict-origin"
        }).addTo(map);
      } else {
        element.classList.add("walk-map-plain");
      }
      var baseMap = texts.baseMap || "";
      if (baseMap && window.fetch) {
        fetch(baseMap, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          })
          .then(function (data) {
            var layer = L.geoJSON(data, { style: baseStyle, interactive: false, pane: "walkBase" });
            if (!tiles) layer.addTo(map);
            var bounds = layer.getBounds();
            if (bounds.isValid() && events && events.baseBounds) events.baseBounds(bounds);
          })
          .catch(function () {
            if (events && events.baseFailed) events.baseFailed();
          });
      }
      return map;
    },
    // The walk's route and area as the server writes them: [[latitude, longitude], …].
    positions: function (text) {
      try {
        var list = JSON.parse(text || "[]");
        return Array.isArray(list) ? list : [];
      } catch (e) {
        return [];
      }
    },
    routeStyle: { color: "#0b5394", weight: 4, dashArray: "8 6", interactive: false },
    areaStyle: { color: "#8a4b08", weight: 2, dashArray: "4 4", fillColor: "#f2c48d",
      fillOpacity: 0.15, interactive: false },
    // Where a map with nothing on it opens: Denmark and Skåne.
    home: function (map) {
      map.setView([56.2, 11.6], 6);
    }
  };
})();
