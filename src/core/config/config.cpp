#include "core/config/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "core/util/strings.hpp"

namespace samtryg::config {

namespace {

long long parse_integer(std::string_view value, std::string_view key, std::string_view origin,
                        long long min, long long max) {
  long long number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < min || number > max) {
    throw ConfigError(fmt::format("{}: {} must be a whole number from {} to {}, not '{}'", origin,
                                  key, min, max, value));
  }
  return number;
}

bool parse_bool(std::string_view value, std::string_view key, std::string_view origin) {
  const auto lower = to_lower_ascii(value);
  if (lower == "true" || lower == "yes" || lower == "on" || lower == "1") return true;
  if (lower == "false" || lower == "no" || lower == "off" || lower == "0") return false;
  throw ConfigError(fmt::format("{}: {} must be true or false, not '{}'", origin, key, value));
}

std::string choice(std::string_view value, std::string_view key, std::string_view origin,
                   std::initializer_list<std::string_view> allowed) {
  for (auto option : allowed) {
    if (value == option) return std::string(value);
  }
  std::string list;
  for (auto option : allowed) list += (list.empty() ? "" : ", ") + std::string(option);
  throw ConfigError(fmt::format("{}: {} must be one of {}, not '{}'", origin, key, list, value));
}

std::string key_list() {
  std::string list;
  for (const auto& info : known_keys()) list += (list.empty() ? "" : ", ") + std::string(info.key);
  return list;
}

}  // namespace

const std::vector<KeyInfo>& known_keys() {
  static const std::vector<KeyInfo> keys{
      {"database", "sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"},
      {"listen", "IP address to listen on"},
      {"port", "TCP port, 1-65535"},
      {"network_threads", "threads reading and writing sockets"},
      {"workers", "threads running request handlers (and database connections); 0 = automatic"},
      {"public_url", "the address users reach samtryg at; https:// makes cookies Secure"},
      {"max_body_bytes", "largest request body accepted (uploads)"},
      {"request_timeout_seconds", "time allowed to send one request"},
      {"idle_timeout_seconds", "time a kept-alive connection may wait for its next request"},
      {"max_connections", "open connections served at once; more get 503 (keep under ulimit -n)"},
      {"session_hours", "how long a login lasts without activity"},
      {"default_language", "da, sv or en: used until a user chooses"},
      {"password_hashing", "interactive, moderate or minimal (minimal only for tests)"},
      {"access_log", "one line per request on standard error"},
      {"login_max_failures",
       "failed logins for one e-mail from one address before that address waits a while"},
      {"login_lockout_minutes", "how long too many failed logins make an address wait"},
      {"login_max_failures_per_address",
       "failed logins from one address, for any e-mails, before it waits a while"},
      {"trusted_proxies",
       "addresses of reverse proxies whose X-Forwarded-For is believed, e.g. 127.0.0.1,::1"},
      {"smtp_url", "smtp://HOST:PORT or smtps://HOST:PORT for reminder e-mails; empty = none"},
      {"smtp_user", "SMTP login, if the server wants one"},
      {"smtp_password", "SMTP password"},
      {"mail_from", "sender of reminder e-mails, e.g. samtryg <tryg@aalborg.dk>"},
      {"reminder_days_before", "days before a round's deadline that unsent forms are reminded"},
      {"reminder_check_minutes", "how often the server sends due reminders; 0 = never"},
      {"map_tile_url",
       "map tiles behind a walk's findings, https://HOST/{z}/{x}/{y}.png; empty = no tiles"},
      {"map_attribution", "the credit the tile provider asks for, shown on the map"},
      {"map_attribution_url", "where the credit links to, e.g. the provider's copyright page"},
  };
  return keys;
}

int Config::effective_workers() const {
  if (workers > 0) return workers;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  return std::max(4, 2 * cores);
}

int Config::effective_network_threads() const {
  if (network_threads > 0) return network_threads;
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 4U));
}

std::string Config::effective_public_url() const {
  if (public_url.empty()) return fmt::format("http://{}:{}", listen, port);
  // Callers append "/forms/12": a configured "https://tryg.aalborg.dk/" must not give "//forms".
  auto url = public_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool Config::behind_tls() const {
  return public_url.starts_with("https://");
}

namespace {

// The scheme and host of a tile URL template, checked to the characters a CSP source may hold
// so that no setting can add a directive to the policy; nullopt when it is not such a URL.
std::optional<std::string> tile_source(std::string_view url) {
  std::string_view scheme;
  for (const std::string_view candidate : {"https://", "http://"}) {
    if (url.starts_with(candidate)) scheme = candidate;
  }
  if (scheme.empty()) return std::nullopt;
  auto host = url.substr(scheme.size());
  host = host.substr(0, host.find('/'));
  std::string source(scheme);
  // Servers that spread tiles over a.tile…, b.tile… name the first part {s}.
  if (host.starts_with("{s}.")) {
    source += "*.";
    host.remove_prefix(4);
  }
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == ':';
  };
  if (host.empty() || !std::all_of(host.begin(), host.end(), allowed)) return std::nullopt;
  return source + std::string(host);
}

}  // namespace

std::string Config::map_tile_source() const {
  if (map_tile_url.empty()) return {};
  return tile_source(map_tile_url).value_or(std::string());
}

namespace {

// Sessions, logins, passwords, languages and the log: false when `key` is none of these.
bool set_sign_in_value(Config& config, std::string_view key, std::string_view value,
                       std::string_view origin) {
  if (key == "session_hours")
    config.session_hours = static_cast<int>(parse_integer(value, key, origin, 1, 24LL * 90));
  else if (key == "default_language")
    config.default_language = choice(value, key, origin, {"da", "sv", "en"});
  else if (key == "password_hashing")
    config.password_hashing = choice(value, key, origin, {"interactive", "moderate", "minimal"});
  else if (key == "access_log")
    config.access_log = parse_bool(value, key, origin);
  else if (key == "login_max_failures")
    config.login_max_failures = static_cast<int>(parse_integer(value, key, origin, 1, 1000));
  else if (key == "login_lockout_minutes")
    config.login_lockout_minutes =
        static_cast<int>(parse_integer(value, key, origin, 1, 24LL * 60));
  else if (key == "login_max_failures_per_address")
    config.login_max_failures_per_address =
        static_cast<int>(parse_integer(value, key, origin, 1, 100000));
  else if (key == "trusted_proxies")
    config.trusted_proxies = std::string(value);
  else
    return false;
  return true;
}

// E-mail and reminders: false when `key` is none of these.
bool set_mail_value(Config& config, std::string_view key, std::string_view value,
                    std::string_view origin) {
  if (key == "smtp_url")
    config.smtp_url = std::string(value);
  else if (key == "smtp_user")
    config.smtp_user = std::string(value);
  else if (key == "smtp_password")
    config.smtp_password = std::string(value);
  else if (key == "mail_from")
    config.mail_from = std::string(value);
  else if (key == "reminder_days_before")
    config.reminder_days_before = static_cast<int>(parse_integer(value, key, origin, 0, 60));
  else if (key == "reminder_check_minutes")
    config.reminder_check_minutes =
        static_cast<int>(parse_integer(value, key, origin, 0, 24LL * 60));
  else
    return false;
  return true;
}

// The walk map's tiles and their credit: false when `key` is none of these.
bool set_map_value(Config& config, std::string_view key, std::string_view value) {
  if (key == "map_tile_url")
    config.map_tile_url = std::string(value);
  else if (key == "map_attribution")
    config.map_attribution = std::string(value);
  else if (key == "map_attribution_url")
    config.map_attribution_url = std::string(value);
  else
    return false;
  return true;
}

}  // namespace

void set_value(Config& config, std::string_view key, std::string_view value,
               std::string_view origin) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  if (key == "database")
    config.database = std::string(value);
  else if (key == "listen")
    config.listen = std::string(value);
  else if (key == "port")
    config.port = static_cast<int>(parse_integer(value, key, origin, 0, 65535));
  else if (key == "network_threads")
    config.network_threads = static_cast<int>(parse_integer(value, key, origin, 0, 64));
  else if (key == "workers")
    config.workers = static_cast<int>(parse_integer(value, key, origin, 0, 256));
  else if (key == "public_url")
    config.public_url = std::string(value);
  else if (key == "max_body_bytes")
    config.max_body_bytes = parse_integer(value, key, origin, 1024, 1LL << 32);
  else if (key == "request_timeout_seconds")
    config.request_timeout_seconds = static_cast<int>(parse_integer(value, key, origin, 1, 3600));
  else if (key == "idle_timeout_seconds")
    config.idle_timeout_seconds = static_cast<int>(parse_integer(value, key, origin, 1, 3600));
  else if (key == "max_connections")
    config.max_connections = static_cast<int>(parse_integer(value, key, origin, 1, 1000000));
  else if (!set_sign_in_value(config, key, value, origin) &&
           !set_mail_value(config, key, value, origin) && !set_map_value(config, key, value)) {
    throw ConfigError(
        fmt::format("{}: unknown setting '{}' (known settings: {})", origin, key, key_list()));
  }
}

void apply_text(Config& config, std::string_view text, std::string_view origin_name) {
  int line_number = 0;
  for (auto line : split(text, '\n')) {
    ++line_number;
    const auto hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    const auto origin = fmt::format("{}:{}", origin_name, line_number);
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      throw ConfigError(fmt::format("{}: expected 'key = value', found '{}'", origin, line));
    }
    set_value(config, trim(line.substr(0, eq)), line.substr(eq + 1), origin);
  }
}

void apply_file(Config& config, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw ConfigError(
        fmt::format("cannot read the config file {}: {}", path, std::strerror(errno)));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) {
    throw ConfigError(
        fmt::format("cannot read the config file {}: {}", path, std::strerror(errno)));
  }
  apply_text(config, text.str(), path);
}

void apply_environment(Config& config, char** environment) {
  constexpr std::string_view prefix = "SAMTRYG_";
  for (char** entry = environment; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    if (!variable.starts_with(prefix)) continue;
    const auto eq = variable.find('=');
    const auto name = variable.substr(0, eq);
    if (name == "SAMTRYG_CONFIG" || name.starts_with("SAMTRYG_TEST_")) continue;
    const auto key = to_lower_ascii(name.substr(prefix.size()));
    set_value(config, key, eq == std::string_view::npos ? "" : variable.substr(eq + 1), name);
  }
}

namespace {

void validate_map(const Config& config) {
  if (!config.map_tile_url.empty()) {
    if (!tile_source(config.map_tile_url)) {
      throw ConfigError(fmt::format(
          "map_tile_url must be https://HOST/… (or http://), with {{s}} only as the host's first "
          "part, not '{}'",
          config.map_tile_url));
    }
    for (const std::string_view part : {"{z}", "{x}", "{y}"}) {
      if (config.map_tile_url.find(part) == std::string::npos) {
        throw ConfigError(fmt::format("map_tile_url must contain {{z}}, {{x}} and {{y}}, not '{}'",
                                      config.map_tile_url));
      }
    }
  }
  if (!config.map_attribution_url.empty() && !config.map_attribution_url.starts_with("https://") &&
      !config.map_attribution_url.starts_with("http://")) {
    throw ConfigError(
        fmt::format("map_attribution_url must start with https:// or http://, not '{}'",
                    config.map_attribution_url));
  }
}

}  // namespace

void validate(const Config& config) {
  validate_map(config);
  if (!config.smtp_url.empty() && !config.smtp_url.starts_with("smtp://") &&
      !config.smtp_url.starts_with("smtps://")) {
    throw ConfigError(
        fmt::format("smtp_url must start with smtp:// or smtps://, not '{}'", config.smtp_url));
  }
  if (config.public_url.empty()) return;
  if (!config.public_url.starts_with("http://") && !config.public_url.starts_with("https://")) {
    throw ConfigError(
        fmt::format("public_url must start with http:// or https://, not '{}'", config.public_url));
  }
}

}  // namespace samtryg::config
