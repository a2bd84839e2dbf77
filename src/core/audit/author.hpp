#pragma once
#include <optional>
#include <string>

namespace samtryg::audit {

// Who wrote a change, as the audit log names them: a signed-in user, or a named tool ("cli",
// "import", "demo").
struct Author {
  std::optional<long long> user_id;
  std::string label;
};

}  // namespace samtryg::audit
