#pragma once
// The records of the reporting cycle: rounds, their forms and revisions, chapters, reminders
// and the per-person autosave. Plain values; the store reads and writes them.
#include <optional>
#include <string>

#include "features/reporting/model.hpp"

namespace samtryg::reporting {

struct Round {
  long long id = 0;
  long long workspace_id = 0;
  long long plan_id = 0;
  std::string name;
  std::string period_start;
  std::string period_end;
  std::string deadline;
  Template form_template;
  std::optional<long long> previous_round_id;
  std::string published_on{};  // the day its report went on the public site; "" while not
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Form {
  long long id = 0;
  long long round_id = 0;
  long long initiative_id = 0;
  FormStatus status = FormStatus::draft;
  Content content;
  int revision = 0;
  std::string submitted_at;
  bool late = false;
  std::string comment;  // the coordinator's reason when returned or reopened
  std::string summary;  // for the report, written by a coordinator or the lead; may be empty
  long long summary_version = 1;  // the summary's own row version
  std::string updated_at;
  std::string updated_by;
  long long row_version = 1;
};

// A form with what the board and lists show about its initiative.
struct FormRow {
  Form form;
  std::string initiative_name;
  std::optional<long long> lead_user_id;
  std::string lead_name;
  int position = 0;
  // The initiative's focus area: indicators that follow up the area follow up its forms too.
  std::optional<long long> focus_area_id;
};

struct Revision {
  long long id = 0;
  long long form_id = 0;
  int revision = 0;
  FormStatus status = FormStatus::draft;
  Content content;
  std::string saved_at;
  std::string saved_by;
  std::string note;
};

struct Chapter {
  long long id = 0;
  long long round_id = 0;
  int position = 0;
  std::string key;
  std::string title;
  std::string body;  // Markdown
  std::string updated_at;
  long long row_version = 1;
};

// A lead's form with its round, for "my forms".
struct AssignedForm {
  FormRow row;
  std::string round_name;
  std::string deadline;
};

// A form that may need a reminder: not submitted, with its round, workspace and lead's address.
struct ReminderCandidate {
  FormRow row;
  long long workspace_id = 0;
  std::string workspace_name;
  std::string round_name;
  std::string deadline;
  std::string lead_email;  // empty: the lead has no account
  std::string lead_language;
};

struct SentReminder {
  long long form_id = 0;
  ReminderKind kind = ReminderKind::before_deadline;
  std::string recipient;
  std::string sent_at;
};

// A form's fields as typed (urlencoded, as the browser would post them), kept until saved.
struct Autosave {
  long long form_id = 0;
  long long user_id = 0;
  std::string fields;
  std::string saved_at;
};

// What the compiled report shows of its workspace: the name in its running header, the logo on
// its title page.
struct WorkspaceLook {
  std::string name;
  std::string logo_svg;
};

}  // namespace samtryg::reporting
