#include "features/indicators/json.hpp"

namespace samtryg::indicators {

namespace {

template <class T>
boost::json::value optional(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Area& area) {
  return {{"id", area.id}, {"name", area.name}, {"kind", area.kind}, {"code", area.code}};
}

boost::json::object to_json(const Indicator& v) {
  return {{"id", v.id},
          {"plan_id", optional(v.plan_id)},
          {"name", v.name},
          {"definition", v.definition},
          {"unit", v.unit},
          {"currency", v.currency},
          {"decimals", v.decimals},
          {"direction", v.direction},
          {"source", v.source},
          {"source_note", v.source_note},
          {"frequency", v.frequency},
          {"baseline", optional(v.baseline)},
          {"baseline_period", v.baseline_period},
          {"published", v.published},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at},
          {"row_version", v.row_version}};
}

boost::json::object to_json(const Link& link) {
  return {{"initiative_id", optional(link.initiative_id)},
          {"focus_area_id", optional(link.focus_area_id)},
          {"weight", link.weight}};
}

boost::json::object to_json(const Target& target) {
  return {{"id", target.id},
          {"comparator", target.comparator},
          {"value", target.value},
          {"high", optional(target.high)},
          {"period_start", target.period_start},
          {"period_end", target.period_end},
          {"area_id", optional(target.area_id)},
          {"per_event", target.per_event},
          {"note", target.note}};
}

boost::json::object to_json(const Value& v) {
  return {{"id", v.id},
          {"period", v.period},
          {"area_id", optional(v.area_id)},
          {"value", optional(v.value)},
          {"numerator", optional(v.numerator)},
          {"denominator", optional(v.denominator)},
          {"status", v.status},
          {"note", v.note},
          {"origin", v.origin},
          {"entered_by", optional(v.entered_by)},
          {"import_file", v.import_file},
          {"import_table", v.import_table},
          {"example", v.example},
          {"updated_at", v.updated_at}};
}

void read(json::Reader& reader, Area& area) {
  reader.integer("id", area.id);
  reader.text("name", area.name);
  reader.text("kind", area.kind);
  reader.text("code", area.code);
}

void read(json::Reader& reader, Indicator& v) {
  reader.integer("id", v.id);
  reader.optional_integer("plan_id", v.plan_id);
  reader.text("name", v.name);
  reader.text("definition", v.definition);
  reader.text("unit", v.unit);
  reader.text("currency", v.currency);
  reader.integer("decimals", v.decimals);
  reader.text("direction", v.direction);
  reader.text("source", v.source);
  reader.text("source_note", v.source_note);
  reader.text("frequency", v.frequency);
  reader.optional_number("baseline", v.baseline);
  reader.text("baseline_period", v.baseline_period);
  reader.boolean("published", v.published);
  reader.text("created_at", v.created_at);
  reader.text("updated_at", v.updated_at);
  reader.integer("row_version", v.row_version);
}

void read(json::Reader& reader, Link& link) {
  reader.optional_integer("initiative_id", link.initiative_id);
  reader.optional_integer("focus_area_id", link.focus_area_id);
  reader.number("weight", link.weight);
}

void read(json::Reader& reader, Target& target) {
  reader.integer("id", target.id);
  reader.text("comparator", target.comparator);
  reader.number("value", target.value);
  reader.optional_number("high", target.high);
  reader.text("period_start", target.period_start);
  reader.text("period_end", target.period_end);
  reader.optional_integer("area_id", target.area_id);
  reader.boolean("per_event", target.per_event);
  reader.text("note", target.note);
}

void read(json::Reader& reader, Value& v) {
  reader.integer("id", v.id);
  reader.text("period", v.period);
  reader.optional_integer("area_id", v.area_id);
  reader.optional_number("value", v.value);
  reader.optional_number("numerator", v.numerator);
  reader.optional_number("denominator", v.denominator);
  reader.text("status", v.status);
  reader.text("note", v.note);
  reader.text("origin", v.origin);
  reader.optional_integer("entered_by", v.entered_by);
  reader.text("import_file", v.import_file);
  reader.text("import_table", v.import_table);
  reader.boolean("example", v.example);
  reader.text("updated_at", v.updated_at);
}

}  // namespace samtryg::indicators
