#include <gtest/gtest.h>

#include "core/http/cookies.hpp"
#include "core/http/form.hpp"
#include "core/http/router.hpp"
#include "core/web/context.hpp"

namespace samtryg::http {

TEST(Response, HeadIsSerialisedWithLengthCookiesAndNoInjectedLines) {
  auto response = Response::html("<p>hej</p>", 200);
  response.header("Location", "/plans\r\nSet-Cookie: evil=1");
  response.header("Content-Length", "999");
  response.set_cookies.push_back("samtryg_csrf=abc; Path=/; HttpOnly");
  response.set_cookies.push_back("samtryg_lang=da; Path=/");
  const auto head = serialize_head(response, true);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n")) << head;
  EXPECT_TRUE(head.ends_with("Content-Length: 10\r\n\r\n")) << head;
  EXPECT_NE(head.find("Location: /plans  Set-Cookie: evil=1\r\n"), std::string::npos) << head;
  EXPECT_NE(
      head.find("Set-Cookie: samtryg_csrf=abc; Path=/; HttpOnly\r\nSet-Cookie: samtryg_lang=da"),
      std::string::npos)
      << head;
  EXPECT_EQ(head.find("999"), std::string::npos);
  EXPECT_EQ(head.find("Connection"), std::string::npos);
  // Exactly one empty line, at the end.
  EXPECT_EQ(head.find("\r\n\r\n"), head.size() - 4);

  Response not_modified;
  not_modified.status = 304;
  const auto closing = serialize_head(not_modified, false);
  EXPECT_TRUE(closing.starts_with("HTTP/1.1 304 Not Modified\r\n")) << closing;
  EXPECT_NE(closing.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(closing.find("Content-Length"), std::string::npos);

  // A handler's own spelling of the headers the server sets is dropped, not sent twice.
  auto lower = Response::text("abc");
  lower.header("content-length", "999");
  lower.header("connection", "keep-alive");
  const auto lower_head = serialize_head(lower, false);
  EXPECT_EQ(lower_head.find("999"), std::string::npos) << lower_head;
  EXPECT_EQ(lower_head.find("keep-alive"), std::string::npos) << lower_head;
  EXPECT_NE(lower_head.find("Content-Length: 3\r\n"), std::string::npos) << lower_head;
}

TEST(Response, EveryStatusTheServerSendsHasItsReasonPhrase) {
  for (const int status :
       {200, 201, 204, 303, 304, 400, 401, 403, 404, 405, 408, 409, 413, 422, 429, 431, 500, 503}) {
    EXPECT_NE(reason_phrase(status), "Unknown") << status;
  }
  EXPECT_EQ(reason_phrase(431), "Request Header Fields Too Large");
}

TEST(Etag, IfNoneMatchIsAListWithWeakTagsAndAStar) {
  EXPECT_TRUE(matches_etag("\"a1\"", "\"a1\""));
  EXPECT_TRUE(matches_etag("\"x\", W/\"a1\"", "\"a1\""));
  EXPECT_TRUE(matches_etag("*", "\"a1\""));
  EXPECT_FALSE(matches_etag("", "\"a1\""));
  EXPECT_FALSE(matches_etag("\"a12\"", "\"a1\""));
  EXPECT_FALSE(matches_etag("a1", "\"a1\""));
}

TEST(Form, UrlencodedDecodesPlusPercentAndRepeats) {
  const auto form = parse_urlencoded("name=Tryg+Aalborg&city=%C3%85rhus&tag=a&tag=b&empty=");
  EXPECT_EQ(form.value("name"), "Tryg Aalborg");
  EXPECT_EQ(form.value("city"), "Århus");
  EXPECT_EQ(form.all("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form.get("empty"), "");
  EXPECT_FALSE(form.get("missing"));
}

TEST(Form, TextIsKeptWithPlainLineBreaksAndControlCharactersAreRefused) {
  EXPECT_EQ(clean_text("x", "a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
  EXPECT_EQ(clean_text("x", "Word\vlinje\fside"), "Word\nlinje\nside") << "pasted from Word";
  EXPECT_EQ(clean_text("x", "æøå ÄÖ 😀"), "æøå ÄÖ 😀");
  for (const std::string& bad : {std::string("a\x1f"
                                             "csrf\x1f"),
                                 std::string("nul\0", 4), std::string("\x7f"), std::string("\xff"),
                                 std::string("\xc3"), std::string("\xed\xa0\x80")}) {
    EXPECT_THROW(clean_text("x", bad), InvalidText) << bad;
  }
  EXPECT_THROW(parse_urlencoded("name=a%0Bb%01"), InvalidText);
  EXPECT_THROW(parse_urlencoded("name=%FF"), InvalidText);
  EXPECT_THROW(parse_urlencoded("na%01me=x"), InvalidText);
  EXPECT_EQ(parse_urlencoded("text=a%0D%0Ab").value("text"), "a\nb");
  const std::string multipart =
      "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbad\x1b[31m\r\n"
      "--B--\r\n";
  EXPECT_THROW(parse_form("multipart/form-data; boundary=B", multipart), InvalidText);
  const std::string file =
      "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.px\"\r\n\r\n\x01\xff"
      "\r\n--B--\r\n";
  EXPECT_EQ(parse_form("multipart/form-data; boundary=B", file).file("f")->bytes, "\x01\xff")
      << "files are bytes, not text";
}

TEST(Form, AFormCutFromALargerTextEndsWhereItsViewEnds) {
  const std::string_view whole = "a=1&b=2222";
  const auto form = parse_urlencoded(whole.substr(0, 7));
  EXPECT_EQ(form.value("b"), "2") << "Boost.URL 1.81 would read on to the buffer's end";
}

TEST(Form, MalformedUrlencodedIsAFormError) {
  EXPECT_THROW(parse_urlencoded("a=%zz"), FormError);
}

TEST(Form, MultipartFieldsAndFiles) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHandleplan 2014\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\nbinary\r\n--XyZ--\r\n";
  const auto form = parse_form("multipart/form-data; boundary=XyZ", body);
  EXPECT_EQ(form.value("title"), "Handleplan 2014");
  const auto* file = form.file("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "plan.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->bytes, "%PDF-1.4\r\nbinary");
}

TEST(Form, BrokenMultipartIsAFormError) {
  EXPECT_THROW(parse_form("multipart/form-data", "x"), FormError);
  EXPECT_THROW(parse_form("multipart/form-data; boundary=B", "--B\r\nno end"), FormError);
  EXPECT_THROW(parse_form("application/xml", "<a/>"), FormError);
}

TEST(Cookies, ParseAndBuild) {
  EXPECT_EQ(cookie_value("a=1; samtryg_session=abc; b=2", "samtryg_session"), "abc");
  EXPECT_FALSE(cookie_value("a=1", "b"));
  CookieOptions options;
  options.secure = true;
  options.max_age = 0;
  EXPECT_EQ(make_set_cookie("s", "v", options),
            "s=v; Path=/; SameSite=Lax; Max-Age=0; HttpOnly; Secure");
}

TEST(Router, MatchesPatternsAndReportsAllowedMethods) {
  Router<int> router;
  router.add(Method::get, "/initiatives/{id}", 1);
  router.add(Method::post, "/initiatives/{id}", 2);
  router.add(Method::get, "/", 3);
  auto found = router.find(Method::get, "/initiatives/42");
  ASSERT_TRUE(found.match);
  EXPECT_EQ(*found.match->handler, 1);
  EXPECT_EQ(found.match->params.at("id"), "42");
  EXPECT_EQ(*router.find(Method::head, "/").match->handler, 3);
  const auto wrong = router.find(Method::delete_, "/initiatives/42");
  EXPECT_FALSE(wrong.match);
  EXPECT_EQ(wrong.allowed.size(), 2U);
  EXPECT_TRUE(router.find(Method::get, "/nowhere").allowed.empty());
}

TEST(Router, ALiteralSegmentBeatsAPlaceholderWhicheverWasAddedFirst) {
  Router<int> router;
  router.add(Method::get, "/plans/{id}", 1);
  router.add(Method::get, "/plans/new", 2);
  router.add(Method::get, "/plans/{id}/edit", 3);
  router.add(Method::get, "/{kind}/new/edit", 4);
  EXPECT_EQ(*router.find(Method::get, "/plans/new").match->handler, 2);
  EXPECT_EQ(*router.find(Method::get, "/plans/7").match->handler, 1);
  // The leftmost difference decides: "plans" is literal in the third pattern only.
  EXPECT_EQ(*router.find(Method::get, "/plans/new/edit").match->handler, 3);
  EXPECT_EQ(*router.find(Method::get, "/groups/new/edit").match->handler, 4);
  // A match for the method is not a 405 because another pattern has other methods.
  router.add(Method::post, "/plans/{id}", 5);
  EXPECT_TRUE(router.find(Method::get, "/plans/new").allowed.empty());
}

TEST(Request, TargetSplitsIntoDecodedPathAndRawQuery) {
  Request request;
  ASSERT_TRUE(request.set_target("/s%C3%B8g?q=tryg%20by"));
  EXPECT_EQ(request.path, "/søg");
  EXPECT_EQ(request.query, "q=tryg%20by");
  EXPECT_FALSE(request.set_target("http://evil.example/"));
}

TEST(SafeLocalPath, RejectsOpenRedirects) {
  EXPECT_EQ(web::safe_local_path("/users?x=1"), "/users?x=1");
  EXPECT_EQ(web::safe_local_path("//evil.example"), "/");
  EXPECT_EQ(web::safe_local_path("https://evil.example"), "/");
  EXPECT_EQ(web::safe_local_path("/\\evil.example"), "/");
  EXPECT_EQ(web::safe_local_path("/\t/evil.example/"), "/") << "browsers drop the tab";
  EXPECT_EQ(web::safe_local_path("/\n/evil.example/"), "/");
  EXPECT_EQ(web::safe_local_path("/ /evil.example/"), "/");
  EXPECT_EQ(web::safe_local_path("/a\\b"), "/");
  EXPECT_EQ(web::safe_local_path("/plans/1?status=active"), "/plans/1?status=active");
  EXPECT_EQ(web::safe_local_path(""), "/");
}

}  // namespace samtryg::http
