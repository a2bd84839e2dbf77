// A form's revisions: the list, and two of them side by side with the changed sections marked.
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/view/word_diff.hpp"
#include "core/web/page.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

// The two lists the versions to compare are picked from, each revision with its status, time
// and who saved it.
void add_choices(view::Data& data, const Context& context, const std::vector<Revision>& revisions,
                 int chosen_a, int chosen_b) {
  auto choices_a = view::list();
  auto choices_b = view::list();
  for (const auto& revision : revisions) {
    view::Data choice;
    choice.set("number", std::to_string(revision.revision));
    choice.set("label",
               context.catalog().format(
                   "revision_choice",
                   {{"number", std::to_string(revision.revision)},
                    {"status", status_text(context, revision.status)},
                    {"when", i18n::format_iso_timestamp(revision.saved_at, context.language)},
                    {"who", revision.saved_by}}));
    choice.set("selected", view::flag(revision.revision == chosen_a));
    choices_a.push_back(choice);
    choice.set("selected", view::flag(revision.revision == chosen_b));
    choices_b.push_back(choice);
  }
  data.set("choices_a", choices_a);
  data.set("choices_b", choices_b);
}

// Two revisions side by side, section by section, the changed words marked.
void add_comparison(view::Data& data, Context& context, const FormRecord& record,
                    const Revision& left, const Revision& right) {
  const auto left_data = form_sections(context, record, left.content, {}, {}, false);
  const auto right_data = form_sections(context, record, right.content, {}, {}, false);
  auto rows = view::list();
  const auto changes = compare(record.round.form_template, left.content, right.content);
  const auto& left_sections = left_data.get("sections")->list_value();
  const auto& right_sections = right_data.get("sections")->list_value();
  for (std::size_t index = 0; index < changes.size(); ++index) {
    const auto& change = changes[index];
    view::Data row;
    row.set("title", change.title);
    row.set("changed", view::flag(change.changed));
    if (change.changed) {
      row.set("diff_html", view::word_diff_html(change.before_words, change.after_words));
    }
    if (index < left_sections.size()) row.set("left", left_sections[index]);
    if (index < right_sections.size()) row.set("right", right_sections[index]);
    rows.push_back(row);
  }
  data.set("compare", view::flag(true));
  data.set("compare_title",
           context.catalog().format("form_compare_title", {{"a", std::to_string(left.revision)},
                                                           {"b", std::to_string(right.revision)}}));
  data.set("rows", rows);
}

http::Response show_revisions(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_form(database, actor, context.path_id());
  const auto revisions = form_revisions(database, actor, record.row.form.id);
  auto list = view::list();
  for (const auto& revision : revisions) {
    view::Data item;
    item.set("number", std::to_string(revision.revision));
    item.set("status", status_text(context, revision.status));
    item.set("saved_at", i18n::format_iso_timestamp(revision.saved_at, context.language));
    item.set("saved_by", revision.saved_by);
    item.set("note", view::text(revision.note));
    list.push_back(item);
  }
  view::Data data;
  data.set("id", std::to_string(record.row.form.id));
  data.set("initiative", record.row.initiative_name);
  data.set("round_name", record.round.name);
  data.set("revisions", list);
  const auto find = [&](std::string_view text) -> const Revision* {
    const auto number = parse_integer(text);
    for (const auto& revision : revisions) {
      if (number && revision.revision == *number) return &revision;
    }
    return nullptr;
  };
  const auto* left = find(context.query("a"));
  const auto* right = find(context.query("b"));
  if (!revisions.empty()) {
    add_choices(data, context, revisions, left ? left->revision : revisions.front().revision,
                right ? right->revision : revisions.back().revision);
  }
  if (left != nullptr && right != nullptr) add_comparison(data, context, record, *left, *right);
  return web::render_page(
      context, kTemplates("revisions"), data,
      {.title = context.text("form_revisions") + ": " + record.row.initiative_name,
       .nav = "plans"});
}

}  // namespace

void add_revision_routes(web::App& app) {
  app.add({http::Method::get, "/forms/{id}/revisions",
           web::Access::needs(auth::Permission::read_workspace), show_revisions});
}

}  // namespace samtryg::reporting
