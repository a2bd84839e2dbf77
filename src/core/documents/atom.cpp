#include "core/documents/atom.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace samtryg::documents {

namespace {

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).text().set(value.c_str());
}

void link(pugi::xml_node parent, const char* rel, const char* type, const std::string& href) {
  auto node = parent.append_child("link");
  node.append_attribute("rel") = rel;
  if (type != nullptr) node.append_attribute("type") = type;
  node.append_attribute("href") = href.c_str();
}

}  // namespace

std::string atom_xml(const Feed& feed) {
  pugi::xml_document document;
  auto root = document.append_child("feed");
  root.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  if (!feed.language.empty()) root.append_attribute("xml:lang") = feed.language.c_str();
  text_child(root, "id", feed.id);
  text_child(root, "title", feed.title);
  text_child(root, "updated", feed.updated);
  link(root, "self", "application/atom+xml", feed.self);
  link(root, "alternate", "text/html", feed.alternate);
  // Every entry inherits the feed's author (RFC 4287 4.1.1), so none needs its own.
  text_child(root.append_child("author"), "name", feed.author);
  for (const auto& entry : feed.entries) {
    auto node = root.append_child("entry");
    text_child(node, "id", entry.id);
    text_child(node, "title", entry.title);
    text_child(node, "updated", entry.updated);
    link(node, "alternate", "text/html", entry.link);
    auto content = node.append_child("content");
    content.append_attribute("type") = "text";
    content.text().set(entry.content.c_str());
  }
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str();
}

std::string tag_uri(const std::string& public_url, const std::string& day,
                    const std::string& specific) {
  auto host = public_url;
  if (const auto scheme = host.find("://"); scheme != std::string::npos) {
    host = host.substr(scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/:"));
  if (host.empty()) host = "localhost";
  return "tag:" + host + "," + day + ":" + specific;
}

}  // namespace samtryg::documents
