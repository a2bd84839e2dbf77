#include "core/exchange/document.hpp"

#include <boost/json/parse.hpp>

#include <cstdio>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/clock.hpp"
#include "core/util/time.hpp"

namespace samtryg::exchange {

namespace {

using boost::json::object;

[[noreturn]] void fail(const validation::Errors& errors) {
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  std::vector<ImportProblem> problems;
  problems.reserve(errors.items().size());
  for (const auto& error : errors.items()) {
    problems.push_back(
        {error.field, error.message_key, catalog.format(error.message_key, error.values)});
  }
  throw ImportError(std::move(problems));
}

// The envelope's own members: format, version and the workspace's name, language and time
// zone (documents from before time zones keep the default).
struct Envelope {
  std::string workspace_name;
  std::string workspace_language = "da";
  std::string workspace_time_zone = std::string(i18n::kDefaultTimeZone);
};

void read_envelope(const object& root, json::Reader& document, json::Reader& workspace,
                   validation::Errors& errors, Envelope& envelope) {
  std::string format;
  long long version = 0;
  document.text("format", format);
  document.integer("version", version);
  if (format != kFormat) errors.add("$.format", "exchange_format_unknown");
  // Older documents read as this version without the records added since.
  if (version < 1 || version > kFormatVersion) {
    errors.add("$.version", "exchange_version_unsupported");
  }
  document.known("workspace");
  const auto* member = root.if_contains("workspace");
  if (member == nullptr || !member->is_object()) {
    errors.add("$.workspace", "json_expected_object");
    return;
  }
  workspace.text("name", envelope.workspace_name);
  workspace.text("language", envelope.workspace_language);
  workspace.text("time_zone", envelope.workspace_time_zone);
  if (envelope.workspace_name.empty() || validation::utf8_length(envelope.workspace_name) > 200) {
    errors.add("$.workspace.name", "field_required");
  }
  if (!i18n::parse_language(envelope.workspace_language)) {
    errors.add("$.workspace.language", "choice_invalid");
  }
  if (!i18n::is_time_zone(envelope.workspace_time_zone)) {
    errors.add("$.workspace.time_zone", "time_zone_unknown");
  }
}

const object& workspace_object(const object& root) {
  static const object none;
  const auto* member = root.if_contains("workspace");
  return member != nullptr && member->is_object() ? member->get_object() : none;
}

// The second phase, once the document is known good: a new workspace with every section's
// records, in one transaction.
void store_document(db::Database& database, const Envelope& envelope, Sections& sections,
                    ImportResult& result) {
  database.in_transaction([&](soci::session& sql) {
    if (auth::find_workspace_by_name(sql, envelope.workspace_name)) {
      validation::Errors exists;
      exists.add("$.workspace.name", "exchange_workspace_exists");
      fail(exists);
    }
    const auto now = now_iso_utc();
    result.workspace_id =
        auth::insert_workspace(sql, envelope.workspace_name, envelope.workspace_language, now);
    auth::set_workspace_time_zone(sql, result.workspace_id, envelope.workspace_time_zone);
    StoredIds stored;
    Storing out{sql, result.workspace_id, now, stored, result.counts};
    for (const auto& section : sections) section->store(out);

    audit::Entry entry;
    entry.workspace_id = result.workspace_id;
    entry.author.label = "import";
    entry.action = "import";
    entry.entity = "workspace";
    entry.entity_id = std::to_string(result.workspace_id);
    object summary{{"name", envelope.workspace_name}};
    for (const auto& [what, number] : result.counts) summary[what] = number;
    entry.after = std::move(summary);
    audit::record(sql, entry);
  });
}

}  // namespace

int ImportResult::count(std::string_view what) const {
  for (const auto& [name, number] : counts) {
    if (name == what) return number;
  }
  return 0;
}

std::vector<std::string> workspace_names(db::Database& database) {
  auto sql = database.session();
  std::vector<std::string> names;
  for (const auto& workspace : auth::all_workspaces(sql)) names.push_back(workspace.name);
  return names;
}

object export_workspace(db::Database& database, const std::string& workspace_name,
                        const Sections& sections) {
  auto sql = database.session();
  const auto found = auth::find_workspace_by_name(sql, workspace_name);
  if (!found) throw validation::NotFound();
  object workspace{
      {"name", found->name}, {"language", found->language}, {"time_zone", found->time_zone}};
  object members;
  ExportedIds ids;
  Writing out{sql, found->id, members, workspace, ids};
  for (const auto& section : sections) section->write(out);
  object document{{"format", kFormat}, {"version", kFormatVersion}, {"workspace", workspace}};
  for (auto& member : members) document[member.key()] = std::move(member.value());
  return document;
}

ImportResult import_workspace(db::Database& database, const std::string& document_text,
                              Sections& sections) {
  validation::Errors errors;
  boost::system::error_code parse_error;
  const auto parsed = boost::json::parse(document_text, parse_error);
  if (parse_error || !parsed.is_object()) {
    errors.add("$", "json_body_invalid");
    fail(errors);
  }
  const auto& root = parsed.as_object();
  json::Reader document(root, errors, "$");
  json::Reader workspace(workspace_object(root), errors, "$.workspace");
  Envelope envelope;
  read_envelope(root, document, workspace, errors, envelope);
  DeclaredIds declared;
  Reading in{document, workspace, errors, declared};
  for (const auto& section : sections) section->read(in);
  workspace.reject_unknown();
  document.reject_unknown();
  if (!errors.empty()) fail(errors);

  ImportResult result;
  try {
    store_document(database, envelope, sections, result);
  } catch (const soci::soci_error& error) {
    // Every rule the database enforces is checked above, with its path; should one slip
    // through, the person reads a sentence and nothing is half-stored; the log keeps the
    // database's own words.
    if (db::is_unavailable(error) || db::is_storage_full(error)) throw;
    std::fprintf(stderr, "import: the database refused the document: %s\n",
                 db::loggable_error(error).c_str());
    validation::Errors refused;
    refused.add("$", "exchange_store_refused");
    fail(refused);
  }
  return result;
}

}  // namespace samtryg::exchange
