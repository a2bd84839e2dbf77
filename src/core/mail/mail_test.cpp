// The message text samtryg hands to the SMTP server; sending itself is tested against a local
// SMTP sink in the reporting server tests.
#include "core/mail/mail.hpp"

#include <gtest/gtest.h>

#include "core/util/crypto.hpp"

namespace samtryg::mail {
namespace {

std::string decoded(std::string_view lines) {
  std::string joined;
  for (const char c : lines) {
    if (c != '\r' && c != '\n') joined += c;
  }
  const auto bytes = crypto::base64_decode(joined);
  EXPECT_TRUE(bytes.has_value());
  return bytes.value_or("");
}

TEST(Mail, HeadersCarryDanishLettersAsEncodedWordsAndTheBodyIsBase64) {
  const Settings settings{"smtp://127.0.0.1:25", "", "", "Tryg Aalborg <tryg@aalborg.dk>"};
  const std::string body(3000, 'a');
  const auto text =
      format_message(settings,
                     {"ssp@aalborg.dk", "Søren Ærø", "Påmindelse: skemaet for Et trygt natteliv",
                      body + "\nVenlig hilsen Tryg Aalborg – æøå"},
                     "Sun, 22 Nov 2026 10:00:00 +0000", "abc@samtryg");
  EXPECT_NE(text.find("From: Tryg Aalborg <tryg@aalborg.dk>\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("To: =?UTF-8?B?"), std::string::npos) << "the name is encoded";
  EXPECT_NE(text.find("<ssp@aalborg.dk>\r\n"), std::string::npos);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <abc@samtryg>\r\n"), std::string::npos);
  const auto body_start = text.find("\r\n\r\n") + 4;
  const auto encoded = text.substr(body_start);
  for (std::size_t at = 0; at < encoded.size();) {
    const auto end = encoded.find("\r\n", at);
    EXPECT_LE(end - at, 76U) << "base64 lines stay within 76 characters";
    at = end + 2;
  }
  EXPECT_EQ(decoded(encoded), body + "\nVenlig hilsen Tryg Aalborg – æøå");
  // Every header line stays short enough for any mail server.
  for (std::size_t at = 0; at < body_start;) {
    const auto end = text.find("\r\n", at);
    EXPECT_LE(end - at, 78U) << text.substr(at, end - at);
    at = end + 2;
  }
}

// The part of a multipart message after `header` up to the next boundary line, decoded.
std::string part_after(const std::string& text, const std::string& header) {
  const auto at = text.find(header);
  if (at == std::string::npos) return "(no part " + header + ")";
  const auto start = text.find("\r\n\r\n", at) + 4;
  return decoded(text.substr(start, text.find("--=_", start) - start));
}

TEST(Mail, AttachmentsMakeAMultipartMessageWithTheTextFirst) {
  const Settings settings{"smtp://127.0.0.1:25", "", "", "tryg@aalborg.dk"};
  Message message{"ssp@aalborg.dk", "", "Indkaldelse: Lokalrådet", "Dagsordenen er vedhæftet."};
  const std::string calendar = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
  using namespace std::string_literals;
  const auto pdf = "%PDF-1.5\n\0\xff binary"s;
  message.attachments = {
      {"invitation.ics", "text/calendar; charset=UTF-8; method=REQUEST", calendar},
      {"dagsorden \"22\".pdf", "application/pdf\r\nX-Evil: 1", pdf}};
  const auto text =
      format_message(settings, message, "Sun, 22 Nov 2026 10:00:00 +0000", "m1@samtryg");
  EXPECT_NE(text.find("Content-Type: multipart/mixed; boundary=\"=_samtryg_m1\"\r\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(part_after(text, "Content-Type: text/plain"), "Dagsordenen er vedhæftet.");
  EXPECT_EQ(part_after(text, "Content-Type: text/calendar; charset=UTF-8; method=REQUEST"),
            calendar);
  EXPECT_NE(text.find("filename=\"dagsorden__22_.pdf\""), std::string::npos)
      << "a file name cannot break out of its quotes";
  EXPECT_EQ(text.find("\r\nX-Evil"), std::string::npos) << "nor a content type add a header";
  EXPECT_EQ(part_after(text, "Content-Type: application/pdfX-Evil: 1"), pdf);
  EXPECT_TRUE(text.ends_with("--=_samtryg_m1--\r\n"));
}

TEST(Mail, TheAddressInsideAMailbox) {
  EXPECT_EQ(address_of("Tryg Aalborg <tryg@aalborg.dk>"), "tryg@aalborg.dk");
  EXPECT_EQ(address_of("tryg@aalborg.dk"), "tryg@aalborg.dk");
}

TEST(Mail, WithoutAServerNothingIsSentAndTheReasonIsSaid) {
  EXPECT_THROW(send({}, {"ssp@aalborg.dk", "", "x", "y"}), MailError);
  // Nothing listens on port 1: the network's reason comes back as a MailError.
  EXPECT_THROW(send({"smtp://127.0.0.1:1", "", "", "a@b.dk"}, {"ssp@aalborg.dk", "", "x", "y"}),
               MailError);
}

}  // namespace
}  // namespace samtryg::mail
