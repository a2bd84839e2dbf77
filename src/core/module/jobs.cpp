#include "core/module/jobs.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>

namespace samtryg::module {

std::vector<std::jthread> start_jobs(db::Database& database, const config::Config& settings,
                                     std::vector<Job> jobs) {
  std::vector<std::jthread> threads;
  threads.reserve(jobs.size());
  for (auto& job : jobs) {
    threads.emplace_back([&database, &settings, job = std::move(job)](const std::stop_token& stop) {
      std::mutex mutex;
      std::condition_variable_any wake;
      while (!stop.stop_requested()) {
        try {
          job.run(database, settings);
        } catch (const std::exception& error) {
          std::cerr << "samtryg: " << job.name << " failed: " << error.what() << '\n';
        }
        std::unique_lock lock(mutex);
        wake.wait_for(lock, stop, job.interval, [] { return false; });
      }
    });
  }
  return threads;
}

}  // namespace samtryg::module
