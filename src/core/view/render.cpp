#include "core/view/render.hpp"

#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "core/util/resources.hpp"

namespace samtryg::view {

namespace {

using Template = kainjow::mustache::mustache;

// Templates under web/templates/partials/ are written into a template as {{> name}}. They are
// inlined when the template is first loaded: kainjow would otherwise parse them on every render.
std::string inline_partials(std::string text) {
  constexpr std::string_view prefix = "web/templates/partials/";
  for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at)) {
    const auto end = text.find("}}", at);
    if (end == std::string::npos) break;
    auto name = text.substr(at + 3, end - at - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const auto partial = resources::find(std::string(prefix) + name + ".mustache");
    if (!partial) throw std::logic_error("partial missing from the build: " + name);
    text.replace(at, end + 2 - at, *partial);
  }
  return text;
}

// A parsed template is mutated while it renders, so each thread keeps its own copy.
Template& cached_template(std::string_view path) {
  thread_local std::unordered_map<std::string, std::unique_ptr<Template>> cache;
  auto found = cache.find(std::string(path));
  if (found != cache.end()) return *found->second;
  const auto source = resources::find(path);
  if (!source) throw std::logic_error("template missing from the build: " + std::string(path));
  auto parsed = std::make_unique<Template>(inline_partials(std::string(*source)));
  if (!parsed->is_valid()) {
    throw std::logic_error("template " + std::string(path) +
                           " does not parse: " + parsed->error_message());
  }
  parsed->set_custom_escape([](const std::string& text) { return escape_html(text); });
  return *cache.emplace(std::string(path), std::move(parsed)).first->second;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters have no place in HTML text (and are the web layer's slot
        // delimiters), so they are dropped: tab and line breaks stay.
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            c == '\x7f') {
          break;
        }
        out += c;
    }
  }
  return out;
}

namespace {
// kainjow renders into any type with operator<<; a plain string avoids std::ostream's per-write
// sentry and locale work, which was an eighth of a page's render time.
struct StringSink {
  std::string text;
  StringSink& operator<<(const std::string& part) {
    text += part;
    return *this;
  }
};
}  // namespace

std::string render(std::string_view template_path, const Data& page, const i18n::Catalog& catalog) {
  auto& parsed = cached_template(template_path);
  kainjow::mustache::context<std::string> context(&catalog.template_data());
  context.push(&page);
  StringSink sink;
  sink.text.reserve(4096);
  parsed.render(context, sink);
  return std::move(sink.text);
}

}  // namespace samtryg::view
