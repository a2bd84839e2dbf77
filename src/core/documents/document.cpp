#include "core/documents/document.hpp"

#include <algorithm>

#include "core/documents/markdown.hpp"
#include "core/util/links.hpp"

namespace samtryg::documents {

namespace {

// Collects md4c's callbacks into blocks. Nested lists are flattened into their parent's items
// (a report rarely nests, and every output draws a flat list the same way).
class BlockBuilder {
 public:
  BlockBuilder(std::vector<Block>& blocks, int heading_offset)
      : blocks_(blocks), heading_offset_(heading_offset) {}

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (list_depth_++ == 0) {
          Block list;
          list.kind = type == MD_BLOCK_OL ? Block::Kind::numbers : Block::Kind::bullets;
          blocks_.push_back(std::move(list));
          list_index_ = blocks_.size() - 1;
        }
        break;
      case MD_BLOCK_LI:
        blocks_[list_index_].items.emplace_back();
        set_target(list_index_, blocks_[list_index_].items.size() - 1);
        break;
      case MD_BLOCK_H: {
        const auto level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        Block block;
        block.kind = Block::Kind::heading;
        block.level = std::clamp(level + heading_offset_, 1, 3);
        blocks_.push_back(std::move(block));
        set_target(blocks_.size() - 1, kNone);
        break;
      }
      case MD_BLOCK_P:
      case MD_BLOCK_CODE:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (list_depth_ > 0) {
          // A second paragraph in the same item continues it on a new line.
          if (has_target() && !target().empty()) target().push_back(Span{"\n", false, false, {}});
        } else {
          blocks_.push_back(Block{});
          set_target(blocks_.size() - 1, kNone);
        }
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, const void* /*detail*/) {
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) --list_depth_;
    if (type == MD_BLOCK_H || (list_depth_ == 0 && type == MD_BLOCK_P)) target_block_ = kNone;
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_STRONG) ++bold_;
    if (type == MD_SPAN_EM) ++italic_;
    if (type == MD_SPAN_A) {
      const auto* link = static_cast<MD_SPAN_A_DETAIL*>(detail);
      // Only a link that leads somewhere from a printed or saved document: http(s) and mail.
      link_ = safe_link(std::string_view(link->href.text, link->href.size));
      if (!link_.starts_with("http://") && !link_.starts_with("https://") &&
          !link_.starts_with("mailto:")) {
        link_.clear();
      }
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_STRONG) --bold_;
    if (type == MD_SPAN_EM) --italic_;
    if (type == MD_SPAN_A) link_.clear();
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (!has_target()) {
      blocks_.push_back(Block{});
      set_target(blocks_.size() - 1, kNone);
    }
    std::string piece;
    switch (type) {
      case MD_TEXT_SOFTBR:
        piece = " ";
        break;
      case MD_TEXT_BR:
        piece = "\n";
        break;
      case MD_TEXT_ENTITY:
        piece = entity(text);
        break;
      case MD_TEXT_NULLCHAR:
        piece = "\xEF\xBF\xBD";
        break;
      default:
        piece = std::string(text);
        break;
    }
    auto& spans = target();
    const bool bold = bold_ > 0;
    const bool italic = italic_ > 0;
    if (!spans.empty() && spans.back().bold == bold && spans.back().italic == italic &&
        spans.back().link == link_) {
      spans.back().text += piece;
    } else {
      spans.push_back(Span{std::move(piece), bold, italic, link_});
    }
    return 0;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // The line text goes to: a block's spans, or one item of a list block. Kept as indices
  // because blocks_ grows while parsing.
  void set_target(std::size_t block, std::size_t item) {
    target_block_ = block;
    target_item_ = item;
  }
  bool has_target() const { return target_block_ != kNone; }
  Line& target() {
    auto& block = blocks_[target_block_];
    return target_item_ == kNone ? block.spans : block.items[target_item_];
  }

  static std::string entity(std::string_view name) {
    if (name == "&amp;") return "&";
    if (name == "&lt;") return "<";
    if (name == "&gt;") return ">";
    if (name == "&quot;") return "\"";
    if (name == "&nbsp;") return "\xC2\xA0";
    return std::string(name);
  }

  std::vector<Block>& blocks_;
  int heading_offset_;
  int list_depth_ = 0;
  std::size_t list_index_ = 0;
  std::size_t target_block_ = kNone;
  std::size_t target_item_ = kNone;
  int bold_ = 0;
  int italic_ = 0;
  std::string link_;
};

}  // namespace

Block heading(int level, std::string text) {
  Block block;
  block.kind = Block::Kind::heading;
  block.level = level;
  block.spans.push_back(Span{std::move(text), false, false, {}});
  return block;
}

Block paragraph(std::string text) {
  Block block;
  block.spans.push_back(Span{std::move(text), false, false, {}});
  return block;
}

Block note(std::string text) {
  Block block;
  block.kind = Block::Kind::note;
  block.spans.push_back(Span{std::move(text), false, true, {}});
  return block;
}

std::string plain_text(const Line& line) {
  std::string text;
  for (const auto& span : line) text += span.text;
  return text;
}

void append_markdown(std::vector<Block>& blocks, std::string_view markdown, int heading_offset) {
  // Parsed into a list of its own first, so empty paragraphs can be dropped.
  std::vector<Block> parsed;
  BlockBuilder builder(parsed, heading_offset);
  parse_markdown(markdown, builder);
  for (auto& block : parsed) {
    const bool empty_text = (block.kind == Block::Kind::paragraph) &&
                            plain_text(block.spans).find_first_not_of(" \n") == std::string::npos;
    if (!empty_text) blocks.push_back(std::move(block));
  }
}

}  // namespace samtryg::documents
