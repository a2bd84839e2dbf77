#pragma once
// Citizen dialogues (medborgardialoger / borgerdialoger) with no I/O: a meeting, street stand,
// school visit, walk or online round where residents tell the police and the municipality
// which problems they see. Landskrona's agreement (seed 004) holds dialogues in several places
// and draws its citizen promises from them, so what a dialogue keeps is what a promise needs:
// the problems raised (themes) with how many raised them or how they ranked, in the staff's
// words. Participants are counted per group and never named.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"

namespace samtryg::dialogues {

inline constexpr std::string_view kFormats[] = {"meeting", "street_stand", "school",
                                                "walk",    "online",       "other"};
inline constexpr std::string_view kParticipantGroups[] = {
    "residents", "young_people", "business_owners", "police", "municipality", "others"};

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxText = 5000;
inline constexpr int kMaxCount = 100000;
// A ranking longer than this is a list, not a ranking.
inline constexpr int kMaxRank = 100;

// Participants per group; nobody is named.
struct Participants {
  int residents = 0;
  int young_people = 0;
  int business_owners = 0;
  int police = 0;
  int municipality = 0;
  int others = 0;

  int total() const {
    return residents + young_people + business_owners + police + municipality + others;
  }
};

struct Dialogue {
  long long id = 0;
  long long workspace_id = 0;
  std::string title;
  std::string place;    // the place or area in words ("Rådhustorget", "Centrum")
  std::string held_on;  // ISO day
  std::string format = "meeting";
  std::string partners;  // the partners present, one a line
  Participants participants;
  std::string summary;
  // A safety walk whose findings were input to the dialogue (read through walks' queries).
  std::optional<long long> walk_id;
  bool published = false;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

// A problem raised in a dialogue: how many raised it and/or where it ranked, and what was said
// in the staff's words.
struct Theme {
  long long id = 0;
  long long dialogue_id = 0;
  int position = 0;  // the order added, within the dialogue
  std::string label;
  std::optional<int> mentions;  // how many raised it
  std::optional<int> rank;      // 1 = raised most / ranked first
  std::string summary;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

validation::Errors validate_dialogue(const Dialogue& dialogue);
validation::Errors validate_participants(const Participants& participants);
validation::Errors validate_theme(const Theme& theme);

// The partners as a list: one a line, trimmed, blank lines left out.
std::vector<std::string> partner_list(std::string_view partners);

// The themes as a dialogue page and a promise read them: ranked ones first by rank, then the
// rest by how many raised them (most first), then in the order added.
std::vector<Theme> ordered(std::vector<Theme> themes);

// The position a new theme gets: one after the last.
int next_position(const std::vector<Theme>& themes);

}  // namespace samtryg::dialogues
