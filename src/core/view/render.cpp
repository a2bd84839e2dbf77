#include "core/view/render.hpp"

#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "core/util/resources.hpp"

namespace samtryg::view {

namespace {

using Template = kainjow::mustache::mustache;

// A parsed template is mutated while it renders, so each thread keeps its own copy.
Template& cached_template(std::string_view path) {
  thread_local std::unordered_map<std::string, std::unique_ptr<Template>> cache;
  auto found = cache.find(std::string(path));
  if (found != cache.end()) return *found->second;
  const auto source = resources::find(path);
  if (!source) throw std::logic_error("template missing from the build: " + std::string(path));
  auto parsed = std::make_unique<Template>(std::string(*source));
  if (!parsed->is_valid()) {
    throw std::logic_error("template " + std::string(path) + " does not parse: " +
                           parsed->error_message());
  }
  parsed->set_custom_escape([](const std::string& text) { return escape_html(text); });
  return *cache.emplace(std::string(path), std::move(parsed)).first->second;
}

// Every template under web/templates/partials/ is available as {{> name}}.
const Data& partials() {
  static const Data data = [] {
    constexpr std::string_view prefix = "web/templates/partials/";
    Data all;
    for (const auto& resource : resources::all()) {
      if (!resource.path.starts_with(prefix) || !resource.path.ends_with(".mustache")) continue;
      auto name = resource.path.substr(prefix.size());
      name.remove_suffix(std::string_view(".mustache").size());
      const std::string text(resource.bytes);
      all.set(std::string(name), kainjow::mustache::partial([text] { return text; }));
    }
    return all;
  }();
  return data;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render(std::string_view template_path, const Data& page, const i18n::Catalog& catalog) {
  auto& parsed = cached_template(template_path);
  kainjow::mustache::context<std::string> context(&partials());
  context.push(&catalog.template_data());
  context.push(&page);
  return parsed.render(context);
}

}  // namespace samtryg::view
