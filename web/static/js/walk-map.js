// The walk's findings on a map, and a way to mark where a new one is. Leaflet comes from npm
// (package-lock.json) and is served from /static/vendor/leaflet/. The findings list on the page
// carries everything the map shows, and the form's coordinate fields and "use my position" do
// what a tap on the map does, so the page works without this script or without sight of it.
// - Each finding with a position is a numbered marker; its popup links to the finding in the list.
// - A tap or click on the map, or dragging the marker it places, fills the "record a finding"
//   form's latitude and longitude; coordinates typed or filled by "use my position" move it.
// - Tiles come from the server's setting (map_tile_url); without tiles the findings are drawn on
//   a plain background with a scale, and a map with nothing on it is not shown at all.
(function () {
  "use strict";
  var box = document.querySelector("[data-map-box]");
  var element = document.getElementById("walk-map");
  if (!box || !element || !window.L) return;
  var texts = element.dataset;
  var findings;
  try {
    findings = JSON.parse(texts.findings || "[]");
  } catch (e) {
    return;
  }
  var tiles = texts.tiles || "";
  if (!tiles && findings.length === 0) return;

  var form = document.querySelector("form[data-capture]");
  var latitude = form ? form.elements.namedItem("latitude") : null;
  var longitude = form ? form.elements.namedItem("longitude") : null;
  var picking = !!(latitude && longitude);
  var statusLine = box.querySelector("[data-map-status]");

  box.hidden = false;
  Array.prototype.forEach.call(box.querySelectorAll("[data-map-pick]"), function (hint) {
    hint.hidden = !picking;
  });
  var map = L.map(element, { zoomControl: false, maxZoom: 19 });
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  // Leaflet's own credit without its English link title.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

  // Leaflet writes attributions as HTML: the setting is text, so it is escaped here.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function attribution() {
    var text = escapeHtml(texts.attribution || "");
    var url = texts.attributionUrl || "";
    if (!text || !/^https?:\/\//.test(url)) return text;
    return '<a href="' + escapeHtml(url) + '">' + text + "</a>";
  }

  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 19,
      attribution: attribution(),
      // The site sends no Referer elsewhere (Referrer-Policy: same-origin); tile servers such
      // as OpenStreetMap's require one, and the origin alone says who asks without the page.
      referrerPolicy: "strict-origin"
    }).addTo(map);
  } else {
    element.classList.add("walk-map-plain");
  }

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

  findings = findings.filter(function (finding) {
    return typeof finding.lat === "number" && typeof finding.lng === "number";
  });
  // The view first: Leaflet adds markers to a map without one only later.
  if (findings.length > 0) {
    map.fitBounds(findings.map(function (finding) { return [finding.lat, finding.lng]; }),
      { padding: [36, 36], maxZoom: 17 });
  } else {
    map.setView([56.2, 11.6], 6);  // Denmark and Skåne, until a position is known
  }

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
