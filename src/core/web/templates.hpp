#pragma once
#include <string>
#include <string_view>

namespace samtryg::web {

// The templates of one feature's folder: Templates{"strategy"}("plan") is
// "src/features/strategy/templates/plan.mustache", the path the template is embedded under.
class Templates {
 public:
  explicit constexpr Templates(std::string_view feature) : feature_(feature) {}
  std::string operator()(std::string_view name) const {
    return "src/features/" + std::string(feature_) + "/templates/" + std::string(name) +
           ".mustache";
  }

 private:
  std::string_view feature_;
};

}  // namespace samtryg::web
