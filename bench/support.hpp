#pragma once
// What the in-process benchmarks share: a server runtime on a scratch SQLite file, and a
// coordinator of a new workspace signed in for good.
#include <string>

#include "app/serve.hpp"
#include "core/auth/actor.hpp"

namespace samtryg::bench {

// The runtime on `file_name` in the temporary directory, emptied first; made once per process.
app::Runtime& runtime(const std::string& file_name);

struct Coordinator {
  auth::Actor actor;
  std::string cookie;  // "samtryg_session=…" for requests through App::handle
};
// A coordinator of a new Swedish workspace in `runtime`'s database, with a session that never
// ends.
Coordinator coordinator(app::Runtime& runtime);

}  // namespace samtryg::bench
