#pragma once
// Work a feature has done while the server runs, such as sending due reminder e-mails: the
// server starts each job once at start and again every `interval` until it stops.
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/config/config.hpp"
#include "core/db/database.hpp"

namespace samtryg::module {

struct Job {
  std::string name;  // for the log: "reminder check"
  std::chrono::seconds interval{std::chrono::minutes(60)};
  std::function<void(db::Database&, const config::Config&)> run;
};

// Runs every job on a thread of its own; a failing run is logged and tried again at the next
// interval, so a database hiccup never stops the server. The threads stop when destroyed.
std::vector<std::jthread> start_jobs(db::Database& database, const config::Config& settings,
                                     std::vector<Job> jobs);

}  // namespace samtryg::module
