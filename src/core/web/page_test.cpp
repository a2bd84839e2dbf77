#include "core/web/page.hpp"

#include <gtest/gtest.h>

namespace samtryg::web {
namespace {

TEST(Downloads, KeepNordicLettersInTheNameAndSpellThemOutForOldClients) {
  EXPECT_EQ(content_disposition("Trygghetsvandring Östra Förstaden.pdf"),
            "attachment; filename=\"Trygghetsvandring Ostra Forstaden.pdf\"; "
            "filename*=UTF-8''Trygghetsvandring%20%C3%96stra%20F%C3%B6rstaden.pdf");
  EXPECT_EQ(content_disposition("Årsrapport Ærø \"løbende\".docx"),
            "attachment; filename=\"Aarsrapport Aeroe _loebende_.docx\"; "
            "filename*=UTF-8''%C3%85rsrapport%20%C3%86r%C3%B8%20%22l%C3%B8bende%22.docx");
  // A character with no spelling becomes one "_", however many bytes it has.
  EXPECT_EQ(content_disposition("a–b.csv").substr(0, 33), "attachment; filename=\"a_b.csv\"; f");
}

}  // namespace
}  // namespace samtryg::web
