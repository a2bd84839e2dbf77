// libFuzzer target: a multipart/form-data body either parses or fails with FormError. The
// input's first line is the request's Content-Type value (so the fuzzer picks the boundary and
// its quoting); the rest is the body. An uploaded file's bytes are the body's own, unchanged,
// and the Form's lookups find every field and file it lists.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/http/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const auto content_type = input.substr(0, newline);
  // As the server holds it: the request body in a std::string of its own.
  const std::string body(newline == std::string_view::npos ? std::string_view{}
                                                           : input.substr(newline + 1));
  try {
    const auto form = samtryg::http::parse_multipart(content_type, body);
    for (const auto& field : form.fields) {
      if (!form.get(field.first)) __builtin_trap();
    }
    for (const auto& file : form.files) {
      if (body.find(file.bytes) == std::string::npos) __builtin_trap();
      if (form.file(file.field) == nullptr) __builtin_trap();
    }
  } catch (const samtryg::http::FormError&) {
  }
  return 0;
}
