#pragma once
// Method + path pattern → handler. Patterns are literal segments and {name} placeholders:
// "/initiatives/{id}/edit". A path that matches with another method gives 405 + Allow. When
// several patterns match, the one with a literal segment where the others have a placeholder
// (counted from the left) wins, so "/plans/new" beats "/plans/{id}" whichever feature adds
// its routes first.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/http/message.hpp"

namespace samtryg::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

template <typename Handler>
class Router {
 public:
  struct Match {
    const Handler* handler = nullptr;
    PathParams params;
  };
  struct Outcome {
    std::optional<Match> match;
    std::vector<Method> allowed;  // non-empty when the path exists but not for this method
  };

  void add(Method method, const std::string& pattern, Handler handler) {
    routes_.push_back(Route{method, split_pattern(pattern), std::move(handler)});
  }

  // HEAD is answered by the GET route; the server drops the body.
  Outcome find(Method method, std::string_view path) const {
    Outcome outcome;
    const auto segments = split_path(path);
    std::vector<bool> best_literals;
    for (const auto& route : routes_) {
      PathParams params;
      std::vector<bool> literals;
      if (!matches(route.pattern, segments, params, literals)) continue;
      if (route.method == method || (method == Method::head && route.method == Method::get)) {
        if (!outcome.match || literals > best_literals) {
          outcome.match = Match{&route.handler, std::move(params)};
          best_literals = std::move(literals);
        }
      } else {
        outcome.allowed.push_back(route.method);
      }
    }
    if (outcome.match) outcome.allowed.clear();
    return outcome;
  }

 private:
  struct Route {
    Method method;
    std::vector<std::string> pattern;
    Handler handler;
  };

  static std::vector<std::string> split_pattern(std::string_view pattern) {
    return split_path(pattern);
  }

  static std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
      auto end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (end > start) segments.emplace_back(path.substr(start, end - start));
      start = end + 1;
    }
    return segments;
  }

  // `literals` tells, segment by segment, whether the pattern matched it literally.
  static bool matches(const std::vector<std::string>& pattern,
                      const std::vector<std::string>& segments, PathParams& params,
                      std::vector<bool>& literals) {
    if (pattern.size() != segments.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      const auto& part = pattern[i];
      if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
        params.emplace(part.substr(1, part.size() - 2), segments[i]);
        literals.push_back(false);
      } else if (part != segments[i]) {
        return false;
      } else {
        literals.push_back(true);
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace samtryg::http
