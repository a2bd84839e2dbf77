#include "core/http/form.hpp"

#include <fmt/format.h>
#include <boost/url/parse_query.hpp>

#include "core/util/strings.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::http {

std::optional<std::string> Form::get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Form::value(std::string_view name, std::string_view fallback) const {
  auto found = get(name);
  return found ? *found : std::string(fallback);
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : fields) {
    if (key == name) values.push_back(value);
  }
  return values;
}

const UploadedFile* Form::file(std::string_view name) const {
  for (const auto& file : files) {
    if (file.field == name) return &file;
  }
  return nullptr;
}

std::string clean_text(std::string_view field, std::string_view text) {
  if (!validation::valid_utf8(text)) throw InvalidText(std::string(field));
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += '\n';
    } else if (c == '\v' || c == '\f') {
      out += '\n';
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == '\x7f') {
      throw InvalidText(std::string(field));
    } else {
      out += c;
    }
  }
  return out;
}

Form parse_urlencoded(std::string_view body) {
  Form form;
  if (body.empty()) return form;
  // A copy that ends in NUL: Boost.URL 1.81's parse_query measures the text again with strlen
  // (boostorg/url#757), so a view into a larger buffer would read past its end.
  const std::string text(body);
  auto params = boost::urls::parse_query(text);
  if (!params)
    throw FormError(fmt::format("the form data is malformed ({})", params.error().message()));
  for (const auto& param : *params) {
    auto decoded = param;  // params_encoded_view yields encoded params
    auto key = clean_text({}, decoded.key.decode(boost::urls::encoding_opts(true)));
    auto value = decoded.has_value
                     ? clean_text(key, decoded.value.decode(boost::urls::encoding_opts(true)))
                     : std::string();
    form.fields.emplace_back(std::move(key), std::move(value));
  }
  return form;
}

namespace {

// Reads a parameter such as boundary=… or name="…" from a header value.
std::optional<std::string> header_parameter(std::string_view header, std::string_view name) {
  for (auto part : split(header, ';')) {
    part = trim(part);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    if (!iequals_ascii(trim(part.substr(0, eq)), name)) continue;
    auto value = trim(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

struct PartHeaders {
  std::string disposition;
  std::string content_type = "text/plain";
};

PartHeaders read_part_headers(std::string_view block) {
  PartHeaders headers;
  for (auto line : split(block, '\n')) {
    line = trim(line);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const auto name = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 1));
    if (iequals_ascii(name, "Content-Disposition")) headers.disposition = std::string(value);
    if (iequals_ascii(name, "Content-Type")) headers.content_type = std::string(value);
  }
  return headers;
}

void add_part(Form& form, const PartHeaders& headers, std::string_view content) {
  const auto field = header_parameter(headers.disposition, "name");
  if (!field) throw FormError("a multipart part has no field name");
  if (auto filename = header_parameter(headers.disposition, "filename")) {
    form.files.push_back(
        UploadedFile{*field, *filename, headers.content_type, std::string(content)});
  } else {
    form.fields.emplace_back(clean_text({}, *field), clean_text(*field, content));
  }
}

}  // namespace

Form parse_multipart(std::string_view content_type, std::string_view body) {
  const auto boundary = header_parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) {
    throw FormError("the multipart form has no valid boundary");
  }
  const std::string delimiter = "--" + *boundary;
  Form form;
  auto at = body.find(delimiter);
  if (at == std::string_view::npos) throw FormError("the multipart form has no parts");
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return form;  // closing delimiter
    if (body.substr(at, 2) != "\r\n") throw FormError("the multipart form is malformed");
    at += 2;
    const auto headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) throw FormError("a multipart part has no headers");
    const auto next = body.find("\r\n" + delimiter, headers_end + 4);
    if (next == std::string_view::npos) throw FormError("the multipart form is truncated");
    add_part(form, read_part_headers(body.substr(at, headers_end - at)),
             body.substr(headers_end + 4, next - headers_end - 4));
    at = next + 2;
  }
}

Form parse_form(std::string_view content_type, std::string_view body) {
  const auto media_type = to_lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
  if (media_type == "multipart/form-data") return parse_multipart(content_type, body);
  if (media_type.empty() || media_type == "application/x-www-form-urlencoded") {
    return parse_urlencoded(body);
  }
  throw FormError(fmt::format("unsupported form content type '{}'", media_type));
}

}  // namespace samtryg::http
