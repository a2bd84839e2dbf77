// The walk's findings on a map, and a way to mark where a new one is. Leaflet comes from npm
// (package-lock.json) and is served from /static/vendor/leaflet/. The findings list on the page
// carries everything the map shows, and the form's coordinate fields and "use my position" do
// what a tap on the map does, so the page works without this script or without sight of it.
// - Each finding with a position is a numbered marker; its popup links to the finding in the list.
// - A tap or click on the map, or dragging the marker it places, fills the "record a finding"
//   form's latitude and longitude; coordinates typed or filled by "use my position" move it.
// - Tiles come from the server's setting (map_tile_url); without tiles the workspace's own base
//   map (its boundary and main streets, uploaded by an admin at /walks/base-map) is drawn, or the
//   findings stand on a plain background with a scale; a map with nothing on it is not shown.
// - With no finding placed yet, the map opens on the base map's extent.
(function () {
  "use strict";
  var box = document.querySelector("[data-map-box]");
  var element = document.getElementById("walk-map");
  if (!box || !element || !window.L || !window.samtrygWalkMaps) return;
  var texts = element.dataset;
  var findings;
  try {
    findings = JSON.parse(texts.findings || "[]");
  } catch (e) {
    return;
  }
  var tiles = texts.tiles || "";
  var baseMap = texts.baseMap || "";
  var maps = window.samtrygWalkMaps;
  var route = maps.positions(texts.route);
  var area = maps.positions(texts.area);
  findings = findings.filter(function (finding) {
    return typeof finding.lat === "number" && typeof finding.lng === "number";
  });
  // Where the walk is: its findings, its route and its area.
  var extent = findings.map(function (finding) { return [finding.lat, finding.lng]; })
    .concat(route, area);
  if (!tiles && !baseMap && extent.length === 0) return;

  var form = document.querySelector("form[data-capture]");
  var latitude = form ? form.elements.namedItem("latitude") : null;
  var longitude = form ? form.elements.namedItem("longitude") : null;
  var picking = !!(latitude && longitude);
  var statusLine = box.querySelector("[data-map-status]");

  box.hidden = false;
  Array.prototype.forEach.call(box.querySelectorAll("[data-map-pick]"), function (hint) {
    hint.hidden = !picking;
  });
  var placedByHand = false;  // a position picked before the base map arrives keeps the view
  var map = maps.create(element, {
    baseBounds: function (bounds) {
      if (extent.length === 0 && !placedByHand) {
        map.fitBounds(bounds, { padding: [12, 12], maxZoom: 17 });
      }
    },
    baseFailed: function () {
      if (!tiles && statusLine) statusLine.textContent = texts.baseMapFailed || "";
    }
  });

  function labelOf(finding) {
    return finding.number + ". " + finding.category + (finding.place ? " – " + finding.place : "");
  }
  function popupFor(finding) {
    var content = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = labelOf(finding);
    var link = document.createElement("a");
    link.href = "#finding-" + finding.id;
    link.textContent = texts.inList;
    link.addEventListener("click", function () { map.closePopup(); });
    content.appendChild(title);
    content.appendChild(document.createElement("br"));
    content.appendChild(link);
    return content;
  }

  // The view first: Leaflet adds markers to a map without one only later.
  if (extent.length > 0) {
    map.fitBounds(extent, { padding: [36, 36], maxZoom: 17 });
  } else {
    maps.home(map);
  }
  if (area.length >= 3) L.polygon(area, maps.areaStyle).addTo(map);
  if (route.length >= 2) L.polyline(route, maps.routeStyle).addTo(map);

  findings.forEach(function (finding) {
    var number = document.createElement("span");
    number.textContent = String(finding.number);
    var marker = L.marker([finding.lat, finding.lng], {
      icon: L.divIcon({ className: "walk-marker", html: number, iconSize: [30, 30] }),
      title: labelOf(finding),
      riseOnHover: true
    }).addTo(map);
    marker.getElement().setAttribute("aria-label", labelOf(finding));
    // Narrow enough to stand clear of the zoom buttons on a phone.
    marker.bindPopup(popupFor(finding), { maxWidth: 220, autoPanPaddingTopLeft: L.point(52, 12) });
  });
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close && texts.close) close.setAttribute("aria-label", texts.close);
  });

  if (!picking) return;

  var pick = null;
  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }
  function place(point) {
    placedByHand = true;
    if (pick) {
      pick.setLatLng(point);
      return;
    }
    pick = L.marker(point, { draggable: true, keyboard: false, alt: texts.newMarker, title: texts.newMarker });
    pick.on("dragend", function () { fill(pick.getLatLng().wrap()); });
    pick.addTo(map);
  }
  function fill(point) {
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
    say(texts.picked + " " + latitude.value + ", " + longitude.value);
  }
  // Danish and Swedish keyboards write 55,8708: the server reads both.
  function number(text) {
    var value = parseFloat(String(text).trim().replace(",", "."));
    return isFinite(value) ? value : null;
  }
  function fromFields() {
    var lat = number(latitude.value);
    var lng = number(longitude.value);
    if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return;
    var point = L.latLng(lat, lng);
    if (pick && pick.getLatLng().equals(point)) return;
    place(point);
    if (!map.getBounds().pad(-0.1).contains(point) || map.getZoom() < 15) {
      map.setView(point, Math.max(map.getZoom(), 17));
    }
  }

  map.on("click", function (event) {
    var point = event.latlng.wrap();
    place(point);
    fill(point);
  });
  latitude.addEventListener("change", fromFields);
  longitude.addEventListener("change", fromFields);
  form.addEventListener("reset", function () {
    if (pick) map.removeLayer(pick);
    pick = null;
    say("");
  });
  fromFields();
})();
