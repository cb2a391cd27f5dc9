// The C API of languages (include/levande/c/language.h).
#include <nlohmann/json.hpp>

#include "guard.hpp"
#include "levande.h"
#include "levande/language.hpp"
#include "levande/model.hpp"

using namespace levande;
using namespace levande::capi;

extern "C" {

levande_status levande_languages(char **out, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    std::string list;
    for (const auto &l : languages())
      list += (list.empty() ? "" : ",") + l;
    *out = copy_out(list);
  });
}

levande_status levande_default_feedback_questions(char **out_json, const char *language,
                                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_json, "out_json");
    require(language, "language");
    *out_json = copy_out(nlohmann::json(default_feedback_questions(language)).dump());
  });
}

levande_status levande_parse_number(double *out, const char *text, const char *language,
                                    const char *field, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(text, "text");
    require(language, "language");
    *out = parse_number(text, language, field != nullptr ? field : "text");
  });
}

}  // extern "C"
