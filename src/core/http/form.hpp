#pragma once
// Form bodies: application/x-www-form-urlencoded and multipart/form-data, plus query strings.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::http {

struct FormError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A text field that cannot be stored as sent: broken UTF-8, or a control character.
struct InvalidText : FormError {
  explicit InvalidText(std::string name)
      : FormError("the field '" + name + "' holds characters that cannot be stored"),
        field(std::move(name)) {}
  std::string field;
};

// `text` as samtryg keeps every text a person sends: line breaks as "\n" (CR LF and CR from
// browsers; vertical tab and form feed, which Word puts on the clipboard for its line and page
// breaks). Throws InvalidText naming `field` for text that is not UTF-8 or holds any other
// control character but tab: such text breaks JSON, XML (DOCX) and the export.
std::string clean_text(std::string_view field, std::string_view text);

struct UploadedFile {
  std::string field;
  std::string filename;  // as the browser sent it; never used as a path
  std::string content_type;
  std::string bytes;
};

class Form {
 public:
  // Values in the order they were sent; a name may repeat (checkbox groups).
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<UploadedFile> files;

  std::optional<std::string> get(std::string_view name) const;
  std::string value(std::string_view name, std::string_view fallback = {}) const;
  std::vector<std::string> all(std::string_view name) const;
  const UploadedFile* file(std::string_view name) const;
};

// Decodes "a=1&b=x%20y&b=z" ('+' is a space), each name and value through clean_text.
// Throws FormError on malformed escapes.
Form parse_urlencoded(std::string_view body);

// Parses a multipart body given the request's Content-Type header value; fields (not files)
// go through clean_text.
Form parse_multipart(std::string_view content_type, std::string_view body);

// Picks the parser from the Content-Type; an empty body gives an empty form.
Form parse_form(std::string_view content_type, std::string_view body);

}  // namespace samtryg::http
