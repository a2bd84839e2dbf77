#pragma once
// Settings come from, in increasing precedence: built-in defaults, a config file
// (samtryg.conf.example documents every key), SAMTRYG_* environment variables, and
// command-line flags. An unknown key is an error that names it.
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::config {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Config {
  std::string database = "sqlite:./samtryg.db";
  std::string listen = "127.0.0.1";
  int port = 8080;
  int network_threads = 0;  // 0: one per core, at most 4
  int workers = 0;          // 0: 2 × cores, at least 4
  std::string public_url;   // empty: http://LISTEN:PORT
  long long max_body_bytes = 10LL * 1024 * 1024;
  int request_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  int max_connections = 1000;  // open connections; past it a new one gets 503 and is closed
  int session_hours = 12;
  std::string default_language = "da";
  std::string password_hashing = "interactive";  // interactive | moderate | minimal (tests)
  bool access_log = true;
  int login_max_failures = 5;
  int login_lockout_minutes = 15;
  int login_max_failures_per_address = 30;
  // Addresses of reverse proxies whose X-Forwarded-For names the real client (for login limits
  // and the access log); comma-separated. Empty: the peer address is the client.
  std::string trusted_proxies;
  // E-mail (reminders to initiative leads). Empty smtp_url: no e-mail is sent.
  std::string smtp_url;
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_from = "samtryg <samtryg@localhost>";
  int reminder_days_before = 3;
  int reminder_check_minutes = 60;  // 0: the server never sends on its own (CLI/board only)
  // The walk map's background: a tile URL template ({z}, {x}, {y}; {s} as the host's first
  // part) and the attribution its provider asks for. Empty map_tile_url: no tiles are fetched
  // and the findings are drawn on a plain background.
  std::string map_tile_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string map_attribution = "© OpenStreetMap contributors";
  std::string map_attribution_url = "https://www.openstreetmap.org/copyright";

  int effective_workers() const;
  int effective_network_threads() const;
  // public_url (or http://LISTEN:PORT) without a trailing slash, for appending paths.
  std::string effective_public_url() const;
  bool behind_tls() const;
  // The tile host as a Content-Security-Policy source ("https://tile.openstreetmap.org", or
  // "https://*.tile.example.org" for {s}); "" without tiles. validate() makes sure there is one.
  std::string map_tile_source() const;
};

struct KeyInfo {
  std::string_view key;
  std::string_view help;
};
// Every key, in the order samtryg.conf.example lists them.
const std::vector<KeyInfo>& known_keys();

// Sets one key from text; `origin` ("samtryg.conf:12", "SAMTRYG_PORT", "--port") goes into
// error messages.
void set_value(Config& config, std::string_view key, std::string_view value,
               std::string_view origin);

// Reads `key = value` lines; '#' starts a comment. Throws ConfigError for an unreadable file
// (with the system's reason), a line without '=', an unknown key or an invalid value.
void apply_file(Config& config, const std::string& path);
void apply_text(Config& config, std::string_view text, std::string_view origin_name);

// Applies SAMTRYG_<KEY> variables. SAMTRYG_CONFIG names the file and SAMTRYG_TEST_* belong to
// the test tools; any other SAMTRYG_ variable that is not a key is an error.
void apply_environment(Config& config, char** environment);

// Checks the combination of values (ranges, languages); throws ConfigError.
void validate(const Config& config);

}  // namespace samtryg::config
