// Drawing a walk's route and area on the walk form: each click or tap on the map adds a
// position to the chosen field ("route on the map" or "area on the map"), one "latitude,
// longitude" per line, and what the fields hold is drawn as it is typed. The fields are the
// form's real inputs, so the page works without this script: the positions are then typed.
(function () {
  "use strict";
  var box = document.querySelector("[data-draw-box]");
  var element = document.getElementById("walk-draw-map");
  var maps = window.samtrygWalkMaps;
  if (!box || !element || !window.L || !maps) return;
  var fieldOf = {};
  var form = null;
  ["route_line", "area_outline"].forEach(function (name) {
    var field = document.querySelector("textarea[name='" + name + "']");
    if (field) {
      fieldOf[name] = field;
      form = field.form;
    }
  });
  if (!fieldOf.route_line || !fieldOf.area_outline) return;
  var texts = element.dataset;
  var statusLine = box.querySelector("[data-draw-status]");

  // The box stands just above the two fields it fills.
  var anchor = fieldOf.route_line.closest(".field") || fieldOf.route_line;
  anchor.parentNode.insertBefore(box, anchor);
  box.hidden = false;

  // As the server reads them: "55.8705, 12.8305", "55.8705 12.8305" or "55,8705 12,8305".
  function positionOf(line) {
    var words = line.split(/[\s;]+/).filter(Boolean).map(function (word) {
      return word.length > 1 ? word.replace(/,$/, "") : word;
    });
    if (words.length === 1 && words[0].split(",").length === 2) words = words[0].split(",");
    if (words.length !== 2) return null;
    var lat = Number(words[0].replace(",", "."));
    var lng = Number(words[1].replace(",", "."));
    if (!isFinite(lat) || !isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    return [lat, lng];
  }
  function positions(name) {
    return fieldOf[name].value.split("\n").map(positionOf).filter(Boolean);
  }
  function active() {
    var checked = box.querySelector("input[name='_draw']:checked");
    return checked ? checked.value : "route_line";
  }
  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function chosenLabel() {
    var checked = box.querySelector("input[name='_draw']:checked");
    var label = checked ? checked.closest("label") : null;
    return label ? label.textContent.trim() : "";
  }

  var map = maps.create(element, {
    baseBounds: function (bounds) {
      if (positions("route_line").length + positions("area_outline").length === 0) {
        map.fitBounds(bounds, { padding: [12, 12], maxZoom: 17 });
      }
    }
  });
  // A double tap adds nothing twice and does not zoom: each tap is a position.
  map.doubleClickZoom.disable();
  var area = L.polygon([], maps.areaStyle).addTo(map);
  var route = L.polyline([], maps.routeStyle).addTo(map);
  var corners = L.layerGroup().addTo(map);
  function redraw() {
    var routePoints = positions("route_line");
    var areaPoints = positions("area_outline");
    route.setLatLngs(routePoints);
    area.setLatLngs(areaPoints);
    corners.clearLayers();
    routePoints.concat(areaPoints).forEach(function (point) {
      L.circleMarker(point, { radius: 4, weight: 1, color: "#1a1a1a", fillColor: "#ffffff",
        fillOpacity: 1, interactive: false }).addTo(corners);
    });
    return routePoints.concat(areaPoints);
  }
  var drawn = redraw();
  if (drawn.length > 0) {
    map.fitBounds(drawn, { padding: [24, 24], maxZoom: 17 });
  } else {
    maps.home(map);
  }

  map.on("click", function (event) {
    var point = event.latlng.wrap();
    var field = fieldOf[active()];
    var line = point.lat.toFixed(6) + ", " + point.lng.toFixed(6);
    var last = field.value.replace(/\s+$/, "").split("\n").pop();
    if (last === line) return;
    field.value = field.value.replace(/\s+$/, "") + (field.value.trim() ? "\n" : "") + line;
    redraw();
    say(texts.added + " " + chosenLabel() + ": " + line);
  });
  box.querySelector("[data-draw-undo]").addEventListener("click", function () {
    var field = fieldOf[active()];
    var lines = field.value.replace(/\s+$/, "").split("\n");
    lines.pop();
    field.value = lines.join("\n");
    redraw();
    say(texts.removed + " " + chosenLabel());
  });
  box.querySelector("[data-draw-clear]").addEventListener("click", function () {
    var field = fieldOf[active()];
    if (!field.value.trim()) return;
    // Undo cannot bring a cleared field back.
    if (texts.confirmClear && !window.confirm(texts.confirmClear + " " + chosenLabel())) return;
    field.value = "";
    redraw();
    say(texts.cleared + " " + chosenLabel());
  });
  fieldOf.route_line.addEventListener("input", redraw);
  fieldOf.area_outline.addEventListener("input", redraw);
  if (form) form.addEventListener("reset", function () { setTimeout(redraw, 0); });
})();
