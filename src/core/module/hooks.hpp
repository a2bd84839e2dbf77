#pragma once
// The places where one feature lets others add to it (a section on its page, a kind of record
// its history page shows …). The offering feature defines the hook as a type in its own
// folder; a feature that fills it includes that header and calls get<Hook>() while its routes
// are added. One Hooks object belongs to each server (web::Services), so two servers in one
// process never share or double what was registered.
#include <memory>
#include <typeindex>
#include <unordered_map>

namespace samtryg::module {

class Hooks {
 public:
  // The hook, created empty on first use. Only while the server is being built (not thread
  // safe): requests read hooks through find().
  template <class Hook>
  Hook& get() {
    auto& slot = slots_[std::type_index(typeid(Hook))];
    if (!slot) slot = std::make_shared<Hook>();
    return *static_cast<Hook*>(slot.get());
  }

  // The hook as registered, or an empty one when no feature filled it.
  template <class Hook>
  const Hook& find() const {
    static const Hook empty{};
    const auto found = slots_.find(std::type_index(typeid(Hook)));
    return found == slots_.end() ? empty : *static_cast<const Hook*>(found->second.get());
  }

 private:
  std::unordered_map<std::type_index, std::shared_ptr<void>> slots_;
};

}  // namespace samtryg::module
