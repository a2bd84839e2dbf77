#include "features/walks/outline.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace samtryg::walks {

namespace {

std::optional<double> decimal(std::string text) {
  for (auto& c : text) {
    if (c == ',') c = '.';
  }
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == ';';
}

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : line) {
    if (is_space(c)) {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  // "55.8705, 12.8305": the comma that separates belongs to neither number.
  for (auto& each : out) {
    if (each.size() > 1 && each.back() == ',') each.pop_back();
  }
  return out;
}

std::optional<Position> position_of(std::string_view line) {
  auto parts = words(line);
  if (parts.size() == 1) {
    // "55.8705,12.8305": one comma between two numbers with decimal points.
    const auto comma = parts[0].find(',');
    if (comma == std::string::npos || parts[0].find(',', comma + 1) != std::string::npos) {
      return std::nullopt;
    }
    parts = {parts[0].substr(0, comma), parts[0].substr(comma + 1)};
  }
  if (parts.size() != 2) return std::nullopt;
  const auto latitude = decimal(parts[0]);
  const auto longitude = decimal(parts[1]);
  if (!latitude || !longitude) return std::nullopt;
  return Position{*latitude, *longitude};
}

}  // namespace

ParsedPositions parse_positions(std::string_view text) {
  ParsedPositions parsed;
  int number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (words(line).empty()) continue;
    const auto position = position_of(line);
    if (!position) {
      parsed.bad_line = number;
      parsed.positions.clear();
      return parsed;
    }
    parsed.positions.push_back(*position);
  }
  return parsed;
}

std::string positions_text(const std::vector<Position>& positions) {
  std::string out;
  for (const auto& position : positions) {
    if (!out.empty()) out += '\n';
    out += fmt::format("{:.6f}, {:.6f}", position.latitude, position.longitude);
  }
  return out;
}

}  // namespace samtryg::walks
